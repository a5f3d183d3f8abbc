# auc_serial.py: jhpc's Python peer of the tutorial's serial area-under-the-curve loop (same algorithm as the
# slides: x += dx, one serial sum). Prints the slides' line and, second, repr(area): the exact double.
# Usage: python3 auc_serial.py NTOT        (about 11 s for 30000000 on a 2.6 GHz core)
import sys


def area(ntot):
    dx = 3.0 / ntot
    x = 0.0
    a = 0.0
    for _ in range(ntot):
        y = 0.7 * x * x * x - 2 * x * x + 4
        a += y * dx
        x += dx
    return a


if __name__ == "__main__":
    a = area(int(sys.argv[1]))
    print("The area is %f" % a)
    print(repr(a))
