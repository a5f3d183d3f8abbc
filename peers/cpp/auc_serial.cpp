// auc_serial.cpp: jhpc's C++ peer of the tutorial's serial area-under-the-curve loop.
// Same algorithm as the slides (x += dx, one serial sum); prints the area with 17 significant digits (enough to
// identify the double) and, on stderr, the loop's CPU time (cpu_seconds=) and wall time (compute_seconds=<s>).
// Build: g++ -O3 -march=native -o auc_serial auc_serial.cpp      (the speed peer; GCC may contract a += y*dx
//        into an FMA, which changes the last bits)
//        g++ -O2 -ffp-contract=off -o auc_serial_strict auc_serial.cpp   (strict IEEE: the golden value)
// Usage: auc_serial NTOT
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s NTOT\n", argv[0]);
        return 2;
    }
    char* end = nullptr;
    long long n = std::strtoll(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || n < 1) {
        std::fprintf(stderr, "auc_serial: NTOT must be a positive integer, got '%s'\n", argv[1]);
        return 2;
    }
    const unsigned long long ntot = static_cast<unsigned long long>(n);
    timespec c0, c1;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    auto t0 = std::chrono::steady_clock::now();
    double dx = 3.0 / ntot;
    double x = 0, y;
    double a = 0.0;
    for (unsigned long long i = 0; i < ntot; ++i) {
        y = 0.7 * x * x * x - 2 * x * x + 4;
        a += y * dx;
        x += dx;
    }
    auto t1 = std::chrono::steady_clock::now();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
    std::printf("The area is %.17g\n", a);
    std::fprintf(stderr, "cpu_seconds=%.9f\n", (c1.tv_sec - c0.tv_sec) + 1e-9 * (c1.tv_nsec - c0.tv_nsec));
    std::fprintf(stderr, "compute_seconds=%.9f\n", std::chrono::duration<double>(t1 - t0).count());
    return 0;
}
