"""Golden lines for jhpc's array session (tutorial module, SlidesArrays and the matmul test), made with numpy.

The slides' numpy calls (47-52), each printed as 'expression = value' with the value as numpy's tolist() prints
it (products in float64, as jhpc computes them through BLAS), and a matrix product at awkward sizes as .npy files.
Run: python3 peers/python/arrays_golden.py   (writes test-support/src/main/resources/golden/arrays/)
"""
import os
import numpy as np
from numpy import zeros, ones, arange, linspace

out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test-support", "src", "main",
                       "resources", "golden", "arrays")
os.makedirs(out_dir, exist_ok=True)


def show(v):
    return repr(float(v)) if np.ndim(v) == 0 else str(np.asarray(v).tolist())


a = arange(4)
b = arange(4.) + 3
c = 2
M = np.array([[1, 2, 3], [2, 3, 4]])
v = arange(3) + 1
P = np.array([[1, 2], [4, 3]])
lines = [
    ("zeros(5)", zeros(5)),
    ("ones(5, dtype=int)", ones(5, dtype=int)),
    ("zeros([2,2])", zeros([2, 2])),
    ("arange(5)", arange(5)),
    ("linspace(1,5,6)", linspace(1, 5, 6)),
    ("linspace(1,5)", linspace(1, 5)),
    ("b = arange(4.) + 3", b),
    ("a * b", a * b),
    ("a * c", a * c),
    ("b * c", b * c),
    ("a @ b", a @ b),
    ("M = [[1,2,3],[2,3,4]], v = arange(3) + 1: M @ v", (M @ v).astype(float)),
    ("P = [[1,2],[4,3]]: P * P", P * P),
    ("P @ P", (P @ P).astype(float)),
]
with open(os.path.join(out_dir, "slides.txt"), "w") as f:
    for name, value in lines:
        f.write(name + " = " + show(value) + "\n")

# A = sin(i + 2j) (37 x 121), B = cos(i - j) (121 x 23): no size divides a vector width or block size
i, j = np.mgrid[0:37, 0:121]
A = np.sin(i + 2.0 * j)
k, l = np.mgrid[0:121, 0:23]
B = np.cos(k - 1.0 * l)
np.save(os.path.join(out_dir, "matmul-A.npy"), A)
np.save(os.path.join(out_dir, "matmul-B.npy"), B)
np.save(os.path.join(out_dir, "matmul-C.npy"), A @ B)
print("arrays_golden: wrote", out_dir)
