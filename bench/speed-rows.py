#!/usr/bin/env python3
"""Issue 12's start-up and cold-compute rows, before and after, interleaved on a busy machine.

Usage: bench/speed-rows.py ROUNDS [BASE [IMAGE]]
  BASE:  another checkout of jhpc, built (its ./jhpc), measured beside this one (the "before" column);
  IMAGE: an unpacked release image (its bin/jhpc).
Every round runs every command once, in the same order (A B C ... A B C ...), so that load changes hit all of them
alike. Per command: wall seconds (median, min) and CPU seconds (user + sys of the process and every child it waited
for, from wait4: the work done, which the load disturbs far less). stdout and stderr go to /dev/null unless a label
ends in '|pipe' (stderr read through a pipe, as a script that keeps it sees it). Cold compute rows parse
compute_seconds= from --timing's stderr. A run killed by a signal from outside (another user's pkill) is repeated
once and counted; any other failure stops the script. Prints Markdown.
"""
import os
import statistics as st
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
BASE = sys.argv[2] if len(sys.argv) > 2 else None
IMAGE = sys.argv[3] if len(sys.argv) > 3 else None
JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
PY = "/usr/bin/python3"
EAGER = "JHPC_JAVA_OPTS='-XX:+UnlockExperimentalVMOptions -XX:+AOTCompileEagerly' "


def run(cmd, pipe=False):
    """(wall s, cpu s, stderr text) of one run of the shell command line cmd."""
    t0 = time.perf_counter()
    p = subprocess.Popen(["bash", "-c", cmd], cwd=ROOT, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE if pipe else subprocess.DEVNULL)
    err = p.stderr.read().decode() if pipe else ""
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, wall, ru.ru_utime + ru.ru_stime, err


def loop(rows, compute=False):
    res = {k: [] for k, _ in rows}
    redo = 0
    for _ in range(ROUNDS):
        for label, cmd in rows:
            for attempt in range(2):
                rc, wall, cpu, err = run(cmd, pipe=compute or label.endswith("|pipe"))
                if rc == 0:
                    break
                if rc in (-15, 143, -9, 137) and attempt == 0:
                    redo += 1
                    continue
                sys.exit(f"failed ({rc}): {cmd}\n{err}")
            if compute:
                secs = [l.split("=", 1)[1] for l in err.splitlines() if l.startswith("compute_seconds=")]
                if not secs:
                    sys.exit(f"no compute_seconds= from: {cmd}\n{err}")
                res[label].append((float(secs[0]), cpu))
            else:
                res[label].append((wall, cpu))
    return res, redo


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def table(rows, res, head):
    print(f"| command | {head} median | min | CPU s median | runs |")
    print("|---|---:|---:|---:|---:|")
    for label, cmd in rows:
        v = res[label]
        print(f"| {label} | {st.median(a for a, _ in v):.3f} | {min(a for a, _ in v):.3f} | "
              f"{st.median(c for _, c in v):.3f} | {len(v)} |")


def main():
    subprocess.run(["make", "-s", "-C", "peers/cpp", "diff2d"], cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(ROOT, "peers/cpp/auc_serial")):
        subprocess.run(["g++", "-O3", "-march=native", "-o", "peers/cpp/auc_serial", "peers/cpp/auc_serial.cpp"],
                       cwd=ROOT, check=True)
    trees = [("after", "./jhpc")] + ([("before", BASE + "/jhpc")] if BASE else []) \
        + ([("image", IMAGE + "/bin/jhpc")] if IMAGE else [])
    for _, j in trees:
        run(j + " --version")
    proc = []
    for cmd in ["--help", "diff2d", "auc 30000000", "diff2d --help", "auc --help", "expr --help", "mpi --help",
                "profile --help", "bench --help", "auc 1000"]:
        for name, j in trees:
            if name == "image" and cmd not in ("--help", "diff2d", "auc 30000000"):
                continue
            proc.append((f"{name}: jhpc {cmd}", f"{j} {cmd}"))
    proc.append(("after: jhpc --help|pipe", "./jhpc --help"))
    proc.append(("after: jhpc diff2d|pipe", "./jhpc diff2d"))
    proc += [("java -version (Vector API module)", f"{JAVA} --add-modules jdk.incubator.vector -version"),
             ("C++ diff2d two sweeps", "peers/cpp/diff2d --kernel two"),
             ("C++ auc loop 3e7", "peers/cpp/auc_serial 30000000"),
             ("numexpr auc 3e7", f"{PY} peers/python/auc_numexpr.py 30000000"),
             ("numpy auc 3e7", f"{PY} peers/python/auc_numpy.py 30000000")]
    print(f"# whole processes, {ROUNDS} interleaved rounds; load before {load()}", flush=True)
    res, redo = loop(proc)
    print(f"load after {load()}; runs repeated after an outside signal: {redo}\n")
    table(proc, res, "wall s")

    comp = []
    for name, j in trees[:2]:
        comp += [(f"{name}: diff2d --timing", f"{j} diff2d --timing"),
                 (f"{name}: diff2d threads 2 --timing", f"{j} diff2d --variant threads --threads 2 --timing"),
                 (f"{name}: auc 30000000 --timing", f"{j} auc 30000000 --timing")]
    comp += [("after+AOTCompileEagerly: diff2d --timing", EAGER + "./jhpc diff2d --timing"),
             ("after+AOTCompileEagerly: auc 30000000 --timing", EAGER + "./jhpc auc 30000000 --timing"),
             ("after: auc 30000000 --variant simd --timing", "./jhpc auc 30000000 --variant simd --timing"),
             ("C++ diff2d two sweeps (compute)", "peers/cpp/diff2d --kernel two"),
             ("C++ auc loop 3e7 (compute)", "peers/cpp/auc_serial 30000000")]
    print(f"\n# cold compute (compute_seconds=, one fresh process each), {ROUNDS} rounds; load before {load()}",
          flush=True)
    res, redo = loop(comp, compute=True)
    print(f"load after {load()}; repeated: {redo}\n")
    table(comp, res, "compute s")


main()
