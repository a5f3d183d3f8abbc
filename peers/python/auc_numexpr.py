# auc_numexpr.py: the area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] with numexpr (jhpc's whole-process speed peer for
# `jhpc auc NTOT`): left Riemann sum over x_i = i*dx, one threaded numexpr reduction.
# Usage: python3 auc_numexpr.py NTOT
import sys

import numexpr as ne
import numpy as np

ntot = int(sys.argv[1])
dx = 3.0 / ntot
x = np.arange(ntot) * dx
a = ne.evaluate("sum((0.7*x**3 - 2*x**2 + 4)*dx)")
print("The area is %f" % a)
