#!/usr/bin/env python3
"""numpy peer for bench/expr.sh: median seconds per evaluation of the issue's two expressions on arrays of
N doubles in [0.5, 1.5) (numpy evaluates each operator over the whole array, with full-size temporaries).
Prints lines  name=<seconds>.  Usage: expr_numpy_bench.py [N] [repeats]"""
import sys
import time
import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
rng = np.random.default_rng(1)
a = rng.uniform(0.5, 1.5, n)
b = rng.uniform(0.5, 1.5, n)
cases = {"poly": lambda: a**2 + b**2 + 2*a*b, "trig": lambda: 2*np.sin(a)*np.cos(b) + np.sqrt(a*b),
         "stream": lambda: np.add(a, b, out=c)}
c = np.empty(n)
for name, f in cases.items():
    for _ in range(3):
        f()
    t = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t.append(time.perf_counter() - t0)
    t.sort()
    print(f"{name}={t[len(t) // 2]!r}")
print(f"numpy_version={np.__version__}")
