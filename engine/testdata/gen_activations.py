#!/usr/bin/python3
"""Writes activations.txt: the nine activations and their derivatives at
fixed and random points, to 25 significant digits, computed with mpmath
at 100 digits from forms that lose no precision (σ′ = e^(−|z|)/(1 + e^(−|z|))²,
tanh′ = sech², softplus = log1p(eᶻ), ELU = expm1). Run it once from this
directory with Debian's python3-mpmath:

    /usr/bin/python3 gen_activations.py > activations.txt

TestActivationsAgainstMpmath reads the table. The points are drawn from a
fixed seed, so the table is reproducible."""

import random
import mpmath
from mpmath import mp, mpf

mp.dps = 100

NAMES = ["sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus", "silu", "linear", "step"]


def sig(z):
    return 1 / (1 + mpmath.exp(-z))


def funcs(z):
    s = sig(z)
    sm = sig(-z)  # 1 − σ(z) without cancellation
    e = mpmath.exp(-abs(z))
    return [
        (s, e / (1 + e) ** 2),
        (mpmath.tanh(z), mpmath.sech(z) ** 2),
        (max(z, 0), mpf(1) if z > 0 else mpf(0)),
        (z if z > 0 else mpf("0.01") * z, mpf(1) if z > 0 else mpf("0.01")),
        (z if z > 0 else mpmath.expm1(z), mpf(1) if z > 0 else mpmath.exp(z)),
        (mpmath.log1p(mpmath.exp(z)), s),
        (z * s, s * (1 + z * sm)),
        (z, mpf(1)),
        (mpf(1) if z >= 0 else mpf(0), mpf(0)),
    ]


def main():
    fixed = []
    for m in [1e-9, 0.5, 20, 50, 700, 745, 1000]:
        fixed += [m, -m]
    rng = random.Random(9)
    rand = []
    for i in range(1000):
        kind = i % 4
        if kind == 0:
            z = rng.uniform(-50, 50)
        elif kind == 1:
            z = rng.uniform(-760, 760)
        else:  # magnitudes from 1e-12 to 1e3, log-uniform, either sign
            z = 10 ** rng.uniform(-12, 3) * rng.choice([-1, 1])
        rand.append(z)
    print("# z (hex) then f and f′ of: " + " ".join(NAMES))
    for z in fixed + rand:
        cols = [float(z).hex()]
        for f, d in funcs(mpf(z)):
            cols += [mpmath.nstr(f, 25, min_fixed=1, max_fixed=0), mpmath.nstr(d, 25, min_fixed=1, max_fixed=0)]
        print(" ".join(cols))


main()
