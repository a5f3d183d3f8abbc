#!/usr/bin/env python3
"""Peers of `jhpc expr --bench` for `jhpc bench expr`: EXPR (default the slides' a**2 + b**2 + 2*a*b) on arrays
a, b, c of N elements of DTYPE (float64, float32, int64, int32 or bool), evaluated REPS times by numpy (operator by
operator, full-size temporaries) or by numexpr (NUMEXPR_NUM_THREADS threads), after 3 untimed evaluations.
The operands are the benchmark module's ExprData formula: m = (k*P) % Q with (P, Q) = (37, 101), (53, 103),
(71, 107) for a, b, c; floats 0.5 + m/128, integers m - 50, bools m < 50 (every result is then exact, and so is
its float64 sum). stderr: compute_seconds=<median seconds per evaluation>; stdout: checksum=<float64 sum of the
result, True as 1>. Usage: expr_peers.py numpy|numexpr N REPS [DTYPE [EXPR]]"""
import sys
import time
import numpy as np

mode, n, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
dtype = sys.argv[4] if len(sys.argv) > 4 else 'float64'
expr = sys.argv[5] if len(sys.argv) > 5 else 'a**2 + b**2 + 2*a*b'
k = np.arange(n, dtype=np.int64)


def operand(p, q):
    m = (k * p) % q
    if dtype in ('float64', 'float32'):
        return (0.5 + m / 128).astype(dtype)
    if dtype in ('int64', 'int32'):
        return (m - 50).astype(dtype)
    if dtype == 'bool':
        return m < 50
    sys.exit('expr_peers.py: unknown dtype ' + dtype)


env = {'a': operand(37, 101), 'b': operand(53, 103), 'c': operand(71, 107)}
if mode == 'numexpr':
    import numexpr as ne

    def f():
        return ne.evaluate(expr, local_dict=env)
else:
    code = compile(expr, '<expr>', 'eval')

    def f():
        return eval(code, {'where': np.where, '__builtins__': {}}, env)
for _ in range(3):
    c = f()
t = []
for _ in range(reps):
    t0 = time.perf_counter()
    c = f()
    t.append(time.perf_counter() - t0)
t.sort()
assert c.dtype == np.dtype(dtype) or expr == 'a**2 + b**2 + 2*a*b', (c.dtype, dtype)
print('checksum=%r' % float(np.sum(c, dtype=np.float64)))
print('compute_seconds=%r' % t[len(t) // 2], file=sys.stderr)
