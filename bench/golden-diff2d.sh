#!/usr/bin/env bash
# Regenerates diff2d's golden files from jhpc's independent Python peer (needs python3 with numpy).
set -euo pipefail
cd "$(dirname "$0")/.."
G=test-support/src/main/resources/golden/diff2d
py() { python3 peers/python/diff2d.py "$@"; }
py --mode numpy --save $G/default.npy > $G/default.out
py --mode numpy --set x1=-10 --set x2=10 --set dx=20 --set runtime=1000 --set outtime=150 --save $G/n1.npy > $G/n1.out
py --mode numpy --set x1=0 --set x2=7 --set dx=1 --set runtime=3.0 --set outtime=0.25 --set D=0.7 --save $G/n7.npy > $G/n7.out
py --mode numpy --set x1=-60.5 --set x2=60.5 --set dx=1 --set runtime=40 --set outtime=2.5 --save $G/n121.npy > $G/n121.out
py --mode pure --set x1=0 --set x2=0.2 --set dx=0.01 --set runtime=0.001 --set outtime=0.00005 --set D=1 --save $G/small.npy > $G/small.out
