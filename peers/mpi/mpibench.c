/* MPI benchmark peer for `jhpc bench mpi`: the protocol of `jhpc mpi bench` and mpibench.py, in C (mpicc -O2).
 * Usage (2 or more ranks; ranks above 1 only join the collectives):
 *   mpibench latency BYTES ITERS REPS           ping-pong between ranks 0 and 1; one-way us
 *   mpibench bandwidth FIG SIZES ITERS REPS     ping-pong at each size of the comma list SIZES; the figure at FIG bytes
 *   mpibench allreduce DOUBLES ITERS REPS       MPI_Allreduce(SUM) of DOUBLES doubles; us per call
 * Timing: a warm-up of max(10, ITERS/2) operations, then REPS batches of ITERS operations between two MPI_Wtime reads
 * (after a barrier); the median batch is printed. Sizes above 64 KiB run ITERS*65536/size operations (at least 4).
 * Rank 0 prints latency_us=<us per one-way message or per allreduce> and check=<integer>: the sum of the bytes that
 * came back from one verified round trip (rank 1 starts from zeros), or the sum of the allreduce's result, which the
 * harness compares with the closed form (x_i = rank + i mod 1000). bandwidth also prints bandwidth_gbs= (at FIG),
 * peak_gbs= and bw_<size>= for every size (GB = 1e9 bytes). */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rank, size;

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long iters_for(long bytes, long iters) {
    if (bytes <= 65536) return iters;
    long it = iters * 65536 / bytes;
    return it < 4 ? 4 : it;
}

static void rounds(char *buf, int n, long iters) {
    for (long i = 0; i < iters; i++) {
        if (rank == 0) {
            MPI_Send(buf, n, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(buf, n, MPI_BYTE, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(buf, n, MPI_BYTE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf, n, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
        }
    }
}

/* median one-way seconds for n-byte messages; *check gets the verified round trip's byte sum (rank 0) */
static double pingpong(int n, long iters, int reps, long *check) {
    char *buf = calloc((size_t)n + 1, 1);
    double *t = malloc(sizeof(double) * (size_t)reps);
    rounds(buf, n, iters / 2 > 10 ? iters / 2 : 10);
    for (int r = 0; r < reps; r++) {
        MPI_Barrier(MPI_COMM_WORLD);
        double t0 = MPI_Wtime();
        rounds(buf, n, iters);
        t[r] = (MPI_Wtime() - t0) / (2.0 * iters);
    }
    /* the verified round trip */
    if (rank == 0) {
        for (int i = 0; i < n; i++) buf[i] = (char)((7 * i + 3) % 128);
        MPI_Send(buf, n, MPI_BYTE, 1, 1, MPI_COMM_WORLD);
        memset(buf, 0, (size_t)n);
        MPI_Recv(buf, n, MPI_BYTE, 1, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        long s = 0;
        for (int i = 0; i < n; i++) s += buf[i];
        *check = s;
    } else if (rank == 1) {
        memset(buf, 0, (size_t)n);
        MPI_Recv(buf, n, MPI_BYTE, 0, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(buf, n, MPI_BYTE, 0, 1, MPI_COMM_WORLD);
    }
    qsort(t, (size_t)reps, sizeof(double), cmp);
    double m = t[reps / 2];
    free(t);
    free(buf);
    return m;
}

static double allreduce(int n, long iters, int reps, double *check) {
    double *x = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1)), *y = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    double *t = malloc(sizeof(double) * (size_t)reps);
    for (int i = 0; i < n; i++) x[i] = rank + (i % 1000);
    long warm = iters / 2 > 10 ? iters / 2 : 10;
    for (long i = 0; i < warm; i++) MPI_Allreduce(x, y, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    for (int r = 0; r < reps; r++) {
        MPI_Barrier(MPI_COMM_WORLD);
        double t0 = MPI_Wtime();
        for (long i = 0; i < iters; i++) MPI_Allreduce(x, y, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        t[r] = (MPI_Wtime() - t0) / iters;
    }
    memset(y, 0, sizeof(double) * (size_t)n);
    MPI_Allreduce(x, y, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    double s = 0;
    for (int i = 0; i < n; i++) s += y[i];
    *check = s;
    qsort(t, (size_t)reps, sizeof(double), cmp);
    double m = t[reps / 2];
    free(t);
    free(x);
    free(y);
    return m;
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    const char *mode = argc > 1 ? argv[1] : "";
    int ok = size >= 2 && ((!strcmp(mode, "latency") && argc == 5) || (!strcmp(mode, "allreduce") && argc == 5)
                           || (!strcmp(mode, "bandwidth") && argc == 6));
    if (!ok) {
        if (rank == 0) fprintf(stderr, "usage: mpirun -np 2 mpibench latency BYTES ITERS REPS | bandwidth FIG SIZES ITERS REPS | allreduce DOUBLES ITERS REPS\n");
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    if (!strcmp(mode, "latency")) {
        long check = 0;
        double t = pingpong(atoi(argv[2]), atol(argv[3]), atoi(argv[4]), &check);
        if (rank == 0) printf("latency_us=%.4f\ncheck=%ld\n", t * 1e6, check);
    } else if (!strcmp(mode, "allreduce")) {
        double check = 0;
        double t = allreduce(atoi(argv[2]), atol(argv[3]), atoi(argv[4]), &check);
        if (rank == 0) printf("latency_us=%.4f\ncheck=%.0f\n", t * 1e6, check);
    } else {
        int fig = atoi(argv[2]);
        long iters = atol(argv[4]);
        int reps = atoi(argv[5]);
        double peak = 0, figt = 0;
        long figcheck = 0;
        char *sizes = strdup(argv[3]);
        for (char *s = strtok(sizes, ","); s; s = strtok(NULL, ",")) {
            int n = atoi(s);
            long check = 0;
            double t = pingpong(n, iters_for(n, iters), reps, &check);
            double gbs = n / t * 1e-9;
            if (gbs > peak) peak = gbs;
            if (n == fig) { figt = t; figcheck = check; }
            if (rank == 0) printf("bw_%d=%.4f\n", n, gbs);
        }
        free(sizes);
        if (rank == 0) printf("latency_us=%.4f\nbandwidth_gbs=%.4f\npeak_gbs=%.4f\ncheck=%ld\n", figt * 1e6, figt > 0 ? fig / figt * 1e-9 : 0,
                              peak, figcheck);
    }
    MPI_Finalize();
    return 0;
}
