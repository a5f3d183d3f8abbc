#!/usr/bin/env python3
"""Golden values for jhpc-expr, computed with numpy (numexpr itself is not installable here).

Inputs are defined by formulas that Java reproduces bit for bit (see GoldenTest.java); each output line is
    expression<TAB>dtype<TAB>shape<TAB>value,value,...
with floats in repr, complex as re:im, bools as 0/1. Needs numpy >= 2 (NEP 50 scalar promotion, which matches
numexpr's rule that int literals do not widen int32 arrays).
Run:  python3 peers/python/expr_goldens.py > expr/src/test/resources/golden/expr-goldens.tsv
"""
import numpy as np

N = 11
k = np.arange(N)
a = k * 0.25 - 1.3
b = k * 0.5 + 0.1
i = (k * 7 - 30).astype(np.int64)
j = (k * 3 - 10).astype(np.int32)
c = a + 1j * b
flag = (k % 3) == 0
g = (k * 0.3 - 1.4).astype(np.float32)
s = np.array([b'apple', b'banana', b'cherry', b'date', b'elder', b'fig', b'grape', b'kiwi', b'lemon',
              b'mango', b'nan'], dtype='S6')
m = (k[:10] * 0.75 - 2.0).reshape(2, 5)
x = 1.5                      # a float scalar

ns = dict(a=a, b=b, i=i, j=j, c=c, flag=flag, g=g, s=s, m=m, x=x, np=np,
          where=np.where, sin=np.sin, cos=np.cos, tan=np.tan, arcsin=np.arcsin, arccos=np.arccos,
          arctan=np.arctan, arctan2=np.arctan2, sinh=np.sinh, cosh=np.cosh, tanh=np.tanh, arcsinh=np.arcsinh,
          arccosh=np.arccosh, arctanh=np.arctanh, log=np.log, log10=np.log10, log1p=np.log1p, exp=np.exp,
          expm1=np.expm1, sqrt=np.sqrt, abs=np.abs, conj=np.conj, real=np.real, imag=np.imag,
          complex=lambda re, im: np.asarray(re) + 1j * np.asarray(im),
          contains=lambda hay, needle: np.char.find(hay, needle) >= 0,
          sum=lambda v, axis=None: np.sum(v, axis=axis), prod=lambda v, axis=None: np.prod(v, axis=axis),
          any=lambda v, axis=None: np.any(v, axis=axis), all=lambda v, axis=None: np.all(v, axis=axis))

EXPRESSIONS = [
    "a**2 + b**2 + 2*a*b", "2*sin(a)*cos(b) + sqrt(a*b + 1)", "-a**2", "a - b*3.5 / (b + 1)",
    "a**3", "a**-2", "b**0.5", "b**a", "abs(a)**1.7", "a % 0.75", "a % -0.75",
    "i + j", "i * 3 - j", "j + 1", "j * j", "i // 1 if False else i % 7", "i % -4", "j % 6", "i / j", "j / 4",
    "i**2", "j**3", "2**-1", "i << 2", "i >> 1", "j << 3", "i & 12", "j | 5", "~j", "-i", "abs(i)",
    "a < b", "a >= -0.3", "i == j", "i != 5", "(a > 0) & (b < 2)", "(a > 0) | flag", "~flag", "flag == (i > 0)",
    "where(a > 0, a, b)", "where(flag, i, j)", "where(flag, a, i)", "where(a > b, i, 0)",
    "sin(a) + cos(a) + tan(a)", "arcsin(a/2) + arccos(a/2) + arctan(a)", "arctan2(a, b)",
    "sinh(a) + cosh(a) + tanh(a)", "arcsinh(a) + arctanh(a/2)", "arccosh(b + 1)",
    "log(b) + log10(b) + log1p(b)", "exp(a) + expm1(a)", "sqrt(b)", "abs(a)", "sin(i)", "exp(j / 10)",
    "c * c + 1", "c / (c + 2)", "abs(c)", "real(c) + imag(c)", "conj(c)", "exp(c)", "sqrt(c)", "log(c)",
    "sin(c)", "cosh(c)", "c**2", "c**3", "complex(a, b) == c", "complex(a, 0) * 2j", "c + a", "where(flag, c, 1j)",
    "contains(s, b'an')", "contains(s, b'e')", "s == b'fig'", "s < b'date'", "s >= b'kiwi'",
    "sum(a)", "sum(i)", "sum(j)", "sum(a > 0)", "prod(b)", "prod(j % 3 + 1)", "sum(c)", "prod(c / 3)",
    "sum(m, axis=0)", "sum(m, axis=1)", "prod(m + 3, axis=0)", "sum(m * m, axis=1)", "sum(a, axis=0)",
    "m * 2 - 1", "x * a + 1", "x + 2", "1 / 2 + 3",
    "g * 2.5 - 1", "g + g / 3", "sin(g) + cos(g)", "exp(g) - tanh(g)", "g**2", "g**3", "g**-1", "g**0.5",
    "sqrt(abs(g))", "g + a", "g + j", "g * i", "where(g > 0, g, 0)", "g % 0.75", "g < 0.1", "abs(g)",
    "arctan2(g, g + 2)", "log1p(abs(g))", "complex(g, 1)", "g == 0.5",
    "any(a > 0)", "all(b > 0)", "all(a > -1)", "any(flag & (i > 100))", "all(~flag | (j < 0))", "any(s == b'kiwi')",
    "any(m > 1, axis=0)", "all(m > -1.5, axis=1)", "all(m < 3, axis=0)", "any(m > 10, axis=1)",
]


def fmt(v):
    if isinstance(v, (complex, np.complexfloating)):
        return repr(float(v.real)) + ":" + repr(float(v.imag))
    if isinstance(v, (bool, np.bool_)):
        return "1" if v else "0"
    if isinstance(v, (np.integer, int)):
        return str(int(v))
    return repr(float(v))


def main():
    for src in EXPRESSIONS:
        if " if " in src:
            continue
        with np.errstate(all="ignore"):
            r = np.asarray(eval(src, {"__builtins__": {}}, ns))
        dtype = {np.dtype(np.float64): "float64", np.dtype(np.float32): "float32", np.dtype(np.int64): "int64", np.dtype(np.int32): "int32",
                 np.dtype(np.bool_): "bool", np.dtype(np.complex128): "complex128"}[r.dtype]
        shape = "x".join(str(d) for d in r.shape)
        print(src + "\t" + dtype + "\t" + shape + "\t" + ",".join(fmt(v) for v in r.ravel()))


if __name__ == "__main__":
    main()
