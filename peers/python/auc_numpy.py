# auc_numpy.py: the area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] with numpy arrays (jhpc's whole-process speed peer
# for `jhpc auc NTOT`): left Riemann sum over x_i = i*dx.
# Usage: python3 auc_numpy.py NTOT
import sys

import numpy as np

ntot = int(sys.argv[1])
dx = 3.0 / ntot
x = np.arange(ntot) * dx
a = np.sum((0.7 * x**3 - 2 * x**2 + 4) * dx)
print("The area is %f" % a)
