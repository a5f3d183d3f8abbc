#!/usr/bin/env python3
"""jhpc's Python peers of the tutorial's area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] (left Riemann sum), one per
rung of the slides' ladder, for `jhpc bench auc`:

  pure     the slides' serial loop (x += dx)
  numpy    the slides' vectorised version: x = i*dx for a block of i, y evaluated array-wide, summed
  numexpr  the same blocks, y and its sum evaluated by numexpr (NUMEXPR_NUM_THREADS threads)
  numba    the slides' serial loop compiled by numba's @njit (compiled before the timer: compile_seconds)

Blocks of 2**22 points keep memory bounded at 1e9 points. Prints "The area is %.17g"; stderr: compute_seconds=<s>.
Usage: auc_peers.py MODE NTOT
"""
import sys
import time

BLOCK = 1 << 22


def pure(ntot):
    dx = 3.0 / ntot
    x = 0.0
    a = 0.0
    for _ in range(ntot):
        y = 0.7 * x * x * x - 2 * x * x + 4
        a += y * dx
        x += dx
    return a


def vector(ntot, evaluate):
    import numpy as np
    dx = 3.0 / ntot
    a = 0.0
    for start in range(0, ntot, BLOCK):
        x = np.arange(start, min(ntot, start + BLOCK), dtype=np.float64) * dx
        a += evaluate(x)
    return a * dx


def with_numpy(x):
    return float(np.sum(0.7 * x * x * x - 2 * x * x + 4))


def with_numexpr(x):
    return float(ne.evaluate('sum(0.7 * x * x * x - 2 * x * x + 4)'))


if __name__ == '__main__':
    mode, ntot = sys.argv[1], int(sys.argv[2])
    if mode in ('numpy', 'numexpr'):
        import numpy as np
        if mode == 'numexpr':
            import numexpr as ne
    if mode == 'numba':
        from numba import njit
        c0 = time.perf_counter()
        loop = njit(pure)
        loop(10)
        print('compile_seconds=%r' % (time.perf_counter() - c0), file=sys.stderr)
    t0 = time.perf_counter()
    if mode == 'pure':
        area = pure(ntot)
    elif mode == 'numba':
        area = loop(ntot)
    else:
        area = vector(ntot, with_numpy if mode == 'numpy' else with_numexpr)
    secs = time.perf_counter() - t0
    print('The area is %.17g' % area)
    print('compute_seconds=%r' % secs, file=sys.stderr)
