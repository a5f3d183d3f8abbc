#!/usr/bin/env python3
"""Peers of `jhpc expr --bench` for `jhpc bench expr`: the slides' expression a**2 + b**2 + 2*a*b on two arrays of N
doubles in [0.5, 1.5), evaluated REPS times by numpy (operator by operator, full-size temporaries) or by numexpr
(NUMEXPR_NUM_THREADS threads), after 3 untimed evaluations. stderr: compute_seconds=<median seconds per
evaluation>; stdout: checksum=<sum of the result>. Usage: expr_peers.py numpy|numexpr N REPS"""
import sys
import time
import numpy as np

mode, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(1)
a = rng.uniform(0.5, 1.5, n)
b = rng.uniform(0.5, 1.5, n)
if mode == 'numexpr':
    import numexpr as ne

    def f():
        return ne.evaluate('a**2 + b**2 + 2*a*b')
else:
    def f():
        return a**2 + b**2 + 2*a*b
for _ in range(3):
    c = f()
t = []
for _ in range(reps):
    t0 = time.perf_counter()
    c = f()
    t.append(time.perf_counter() - t0)
t.sort()
print('checksum=%r' % float(np.sum(c)))
print('compute_seconds=%r' % t[len(t) // 2], file=sys.stderr)
