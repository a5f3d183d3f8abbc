#!/usr/bin/env python3
"""jhpc's independent Python peer of the tutorial's 2-D diffusion program (written for jhpc's tests and benchmarks).

Same algorithm and operation order as the slides' diff2d.py / diff2d_numpy.py, so its printed times and final
field are the reference that jhpc's golden files come from.

usage: diff2d.py [--params FILE] [--set name=value ...] [--mode pure|slow|numpy|numexpr|numba] [--save FILE.npy]

Modes: pure = lists and loops (the slides' diff2d.py); slow = the same loops indexing numpy arrays (the slides'
"slow numpy"); numpy = whole-array slices; numexpr = the same slices evaluated by numexpr (NUMEXPR_NUM_THREADS
threads); numba = the two loops compiled by numba's @njit (compiled before the timer starts: stderr says how
long that took as compile_seconds).
"""
import argparse
import ast
import sys
import time


def read_params(path, overrides):
    p = dict(D=1.0, x1=-10.0, x2=10.0, runtime=15.0, dx=0.1, outtime=0.5, graphics=False)
    statements = []
    if path:
        with open(path) as f:
            for line in f:
                line = line.split('#', 1)[0]
                statements += [s for s in line.split(';') if s.strip()]
    statements += overrides
    for s in statements:
        name, value = s.split('=', 1)
        name = name.strip()
        if name not in p:
            sys.exit('unknown parameter ' + name)
        p[name] = ast.literal_eval(value.strip())
    return p


def setup(p):
    D, x1, x2, runtime, dx, outtime = p['D'], p['x1'], p['x2'], p['runtime'], p['dx'], p['outtime']
    nrows = int((x2 - x1) / dx)
    npnts = nrows + 2
    dx = (x2 - x1) / nrows
    dt = 0.25 * dx ** 2 / D
    nsteps = int(runtime / dt)
    nper = int(outtime / dt)
    if nper == 0:
        nper = 1
    x = [x1 + ((i - 1) * (x2 - x1)) / nrows for i in range(npnts)]
    prof = [0.0] * npnts
    for i in range(1, npnts - 1):
        prof[i] = 1 - abs(1 - 4 * abs((x[i] - (x1 + x2) / 2) / (x2 - x1)))
    return D, dx, dt, nsteps, nper, nrows, npnts, prof


def march(dt, nsteps, nper, dens, nxt, step):
    """diff2d.py's time loop, shared by every mode: step(dens, nxt) writes the next field into nxt, the two swap,
    and simtime (dt added once per step) is printed every nper steps. Returns the final field."""
    simtime = 0 * dt
    print(simtime)
    for s in range(nsteps):
        step(dens, nxt)
        dens, nxt = nxt, dens
        simtime += dt
        if (s + 1) % nper == 0:
            print(simtime)
    return dens


def run_pure(p):
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    dens = [[prof[i] * prof[j] for j in range(npnts)] for i in range(npnts)]
    nxt = [[0.0] * npnts for _ in range(npnts)]
    lapl = [[0.0] * npnts for _ in range(npnts)]

    def step(dens, nxt):
        for i in range(1, nrows + 1):
            for j in range(1, nrows + 1):
                lapl[i][j] = (dens[i + 1][j] + dens[i - 1][j] + dens[i][j + 1] + dens[i][j - 1] - 4 * dens[i][j])
        for i in range(1, nrows + 1):
            for j in range(1, nrows + 1):
                nxt[i][j] = dens[i][j] + (D / dx ** 2) * dt * lapl[i][j]
    return march(dt, nsteps, nper, dens, nxt, step)


def run_numpy(p):
    import numpy as np
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    pr = np.array(prof)
    dens = np.outer(pr, pr)
    nxt = np.zeros_like(dens)
    coef = (D / dx ** 2) * dt
    n = nrows

    def step(dens, nxt):
        lapl = (dens[2:n + 2, 1:n + 1] + dens[0:n, 1:n + 1] + dens[1:n + 1, 2:n + 2] + dens[1:n + 1, 0:n]
                - 4 * dens[1:n + 1, 1:n + 1])
        nxt[1:n + 1, 1:n + 1] = dens[1:n + 1, 1:n + 1] + coef * lapl
    return march(dt, nsteps, nper, dens, nxt, step)


def run_slow(p):
    import numpy as np
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    pr = np.array(prof)
    dens = np.outer(pr, pr)
    nxt = np.zeros_like(dens)
    lapl = np.zeros_like(dens)

    def step(dens, nxt):
        for i in range(1, nrows + 1):
            for j in range(1, nrows + 1):
                lapl[i, j] = (dens[i + 1, j] + dens[i - 1, j] + dens[i, j + 1] + dens[i, j - 1] - 4 * dens[i, j])
        for i in range(1, nrows + 1):
            for j in range(1, nrows + 1):
                nxt[i, j] = dens[i, j] + (D / dx ** 2) * dt * lapl[i, j]
    return march(dt, nsteps, nper, dens, nxt, step)


def run_numexpr(p):
    import numpy as np
    import numexpr as ne
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    pr = np.array(prof)
    dens = np.outer(pr, pr)
    nxt = np.zeros_like(dens)
    coef = (D / dx ** 2) * dt
    n = nrows

    def step(dens, nxt):
        up, down = dens[2:n + 2, 1:n + 1], dens[0:n, 1:n + 1]
        right, left, mid = dens[1:n + 1, 2:n + 2], dens[1:n + 1, 0:n], dens[1:n + 1, 1:n + 1]
        ne.evaluate('mid + coef * (up + down + right + left - 4 * mid)', out=nxt[1:n + 1, 1:n + 1],
                    local_dict=dict(mid=mid, coef=coef, up=up, down=down, right=right, left=left))
    return march(dt, nsteps, nper, dens, nxt, step)


def numba_step():
    from numba import njit

    @njit(cache=False)
    def step(dens, nxt, lapl, n, coef):
        for i in range(1, n + 1):
            for j in range(1, n + 1):
                lapl[i, j] = dens[i + 1, j] + dens[i - 1, j] + dens[i, j + 1] + dens[i, j - 1] - 4 * dens[i, j]
        for i in range(1, n + 1):
            for j in range(1, n + 1):
                nxt[i, j] = dens[i, j] + coef * lapl[i, j]
    return step


def run_numba(p, step):
    import numpy as np
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    pr = np.array(prof)
    dens = np.outer(pr, pr)
    nxt = np.zeros_like(dens)
    lapl = np.zeros_like(dens)
    coef = (D / dx ** 2) * dt
    return march(dt, nsteps, nper, dens, nxt, lambda dens, nxt: step(dens, nxt, lapl, nrows, coef))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--params')
    ap.add_argument('--set', action='append', default=[])
    ap.add_argument('--mode', choices=['pure', 'slow', 'numpy', 'numexpr', 'numba'], default='numpy')
    ap.add_argument('--save')
    a = ap.parse_args()
    p = read_params(a.params, a.set)
    if a.mode == 'numba':
        import numpy as np
        c0 = time.perf_counter()
        step = numba_step()
        z = np.zeros((3, 3))
        step(z, z.copy(), z.copy(), 1, 0.25)
        print('compile_seconds=%r' % (time.perf_counter() - c0), file=sys.stderr)
    run = {'pure': run_pure, 'slow': run_slow, 'numpy': run_numpy, 'numexpr': run_numexpr}.get(a.mode)
    t0 = time.perf_counter()
    dens = run(p) if run else run_numba(p, step)
    secs = time.perf_counter() - t0
    if a.save:
        import numpy as np
        np.save(a.save, np.array(dens, dtype=np.float64))
    print('compute_seconds=%r' % secs, file=sys.stderr)


if __name__ == '__main__':
    main()
