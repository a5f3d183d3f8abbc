# The slides' profiling exercise: auc_serial.py with its loop in a function, for kernprof and memory_profiler.
# Prints the area, and on stderr the loop's own wall and CPU time (loop_seconds=S, loop_cpu_seconds=S).
import sys
import time

try:
    profile
except NameError:
    def profile(f):
        return f


@profile
def auc(ntot):
    dx = 3.0/ntot
    x = 0
    a = 0.0
    for i in range(ntot):
        y = 0.7*x**3 - 2*x**2 + 4
        a += y*dx
        x += dx
    return a


t0 = time.perf_counter()
c0 = time.thread_time()
a = auc(int(sys.argv[1]))
c1 = time.thread_time()
print("The area is %f" % a)
print("loop_seconds=%s" % (time.perf_counter() - t0), file=sys.stderr)
print("loop_cpu_seconds=%s" % (c1 - c0), file=sys.stderr)
