"""Writes the .npy files of expr's NpyIOTest (expr/src/test/resources/npy/): one small array per dtype that numpy
writes and jhpc's engine casts on input, with the extreme values of each type; the test's expected values are
these literals. Run once with numpy: python3 peers/python/expr_npy_dtypes.py expr/src/test/resources/npy"""
import sys, os
import numpy as np

out = sys.argv[1]
arrays = {
    "u1": np.array([0, 7, 255], dtype=np.uint8),
    "u2": np.array([0, 7, 65535], dtype=np.uint16),
    "u4": np.array([0, 7, 4294967295], dtype=np.uint32),
    "u8": np.array([0, 7, 18446744073709551615], dtype=np.uint64),
    "i1": np.array([-128, 7, 127], dtype=np.int8),
    "i2": np.array([-32768, 7, 32767], dtype=np.int16),
    "f2": np.array([0.5, -2.0, 65504.0], dtype=np.float16),
    "c8": np.array([1.5 - 2j, 0.25j, -3], dtype=np.complex64),
    "be_f8": np.array([1.5, -2.25, 1e300], dtype=">f8"),
    "be_i4": np.array([1, -2, 2**31 - 1], dtype=">i4"),
    "fortran_i2": np.asfortranarray(np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int16)),
    "nd3": np.arange(24, dtype=np.float64).reshape(2, 3, 4),
}
for name, a in arrays.items():
    np.save(os.path.join(out, name + ".npy"), a)
