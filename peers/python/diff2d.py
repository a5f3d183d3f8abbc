#!/usr/bin/env python3
"""jhpc's independent Python peer of the tutorial's 2-D diffusion program (written for jhpc's tests and benchmarks).

Same algorithm and operation order as the slides' diff2d.py / diff2d_numpy.py, so its printed times and final
field are the reference that jhpc's golden files come from.

usage: diff2d.py [--params FILE] [--set name=value ...] [--mode pure|numpy] [--save FILE.npy]
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


def run_pure(p):
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    dens = [[prof[i] * prof[j] for j in range(npnts)] for i in range(npnts)]
    nxt = [[0.0] * npnts for _ in range(npnts)]
    lapl = [[0.0] * npnts for _ in range(npnts)]
    simtime = 0 * dt
    print(simtime)
    for s in range(nsteps):
        for i in range(1, nrows + 1):
            for j in range(1, nrows + 1):
                lapl[i][j] = (dens[i + 1][j] + dens[i - 1][j] + dens[i][j + 1] + dens[i][j - 1] - 4 * dens[i][j])
        for i in range(1, nrows + 1):
            for j in range(1, nrows + 1):
                nxt[i][j] = dens[i][j] + (D / dx ** 2) * dt * lapl[i][j]
        dens, nxt = nxt, dens
        simtime += dt
        if (s + 1) % nper == 0:
            print(simtime)
    return dens


def run_numpy(p):
    import numpy as np
    D, dx, dt, nsteps, nper, nrows, npnts, prof = setup(p)
    pr = np.array(prof)
    dens = np.outer(pr, pr)
    nxt = np.zeros_like(dens)
    simtime = 0 * dt
    print(simtime)
    coef = (D / dx ** 2) * dt
    n = nrows
    for s in range(nsteps):
        lapl = (dens[2:n + 2, 1:n + 1] + dens[0:n, 1:n + 1] + dens[1:n + 1, 2:n + 2] + dens[1:n + 1, 0:n]
                - 4 * dens[1:n + 1, 1:n + 1])
        nxt[1:n + 1, 1:n + 1] = dens[1:n + 1, 1:n + 1] + coef * lapl
        dens, nxt = nxt, dens
        simtime += dt
        if (s + 1) % nper == 0:
            print(simtime)
    return dens


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--params')
    ap.add_argument('--set', action='append', default=[])
    ap.add_argument('--mode', choices=['pure', 'numpy'], default='numpy')
    ap.add_argument('--save')
    a = ap.parse_args()
    p = read_params(a.params, a.set)
    t0 = time.perf_counter()
    dens = run_pure(p) if a.mode == 'pure' else run_numpy(p)
    secs = time.perf_counter() - t0
    if a.save:
        import numpy as np
        np.save(a.save, np.array(dens, dtype=np.float64))
    print('compute_seconds=%r' % secs, file=sys.stderr)


if __name__ == '__main__':
    main()
