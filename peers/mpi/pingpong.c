/* Ping-pong peer for `jhpc mpi pingpong`: the same protocol in C (mpicc -O2).
 * Rank 0 sends N bytes to rank 1, which sends them back, ITERS times; one-way time = elapsed / (2 ITERS).
 * Warm-up of ITERS/2 round trips, then REPS repetitions; prints the medians as latency_us=<f> and bandwidth_gbs=<f>.
 * Usage: mpirun -np 2 pingpong [latency_bytes iters bandwidth_bytes bw_iters reps] */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void rounds(char *buf, int n, int rank, int iters) {
    for (int i = 0; i < iters; i++) {
        if (rank == 0) {
            MPI_Send(buf, n, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(buf, n, MPI_BYTE, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else if (rank == 1) {
            MPI_Recv(buf, n, MPI_BYTE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf, n, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
        }
    }
}

/* median one-way seconds for messages of n bytes */
static double one_way(int n, int iters, int reps, int rank) {
    char *buf = calloc((size_t)n + 1, 1);
    double *t = malloc(sizeof(double) * (size_t)reps);
    rounds(buf, n, rank, iters / 2 > 10 ? iters / 2 : 10);
    for (int r = 0; r < reps; r++) {
        MPI_Barrier(MPI_COMM_WORLD);
        double t0 = MPI_Wtime();
        rounds(buf, n, rank, iters);
        t[r] = (MPI_Wtime() - t0) / (2.0 * iters);
    }
    qsort(t, (size_t)reps, sizeof(double), cmp);
    double m = t[reps / 2];
    free(t);
    free(buf);
    return m;
}

int main(int argc, char **argv) {
    int lat_bytes = argc > 1 ? atoi(argv[1]) : 8;
    int iters = argc > 2 ? atoi(argv[2]) : 20000;
    int bw_bytes = argc > 3 ? atoi(argv[3]) : 8 << 20;
    int bw_iters = argc > 4 ? atoi(argv[4]) : 20;
    int reps = argc > 5 ? atoi(argv[5]) : 5;
    int rank, size;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2) {
        if (rank == 0) fprintf(stderr, "pingpong: needs 2 ranks\n");
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    double lat = one_way(lat_bytes, iters, reps, rank);
    double bw = one_way(bw_bytes, bw_iters, reps, rank);
    if (rank == 0) {
        printf("latency_us=%.4f\n", lat * 1e6);
        printf("bandwidth_gbs=%.4f\n", bw_bytes / bw * 1e-9);
    }
    MPI_Finalize();
    return 0;
}
