"""MPI benchmark peer for `jhpc bench mpi` with mpi4py: the protocol of peers/mpi/mpibench.c (read it there).

Buffers are a bytearray (ping-pong, uppercase Send/Recv: no pickling) and array('d') (Allreduce, MPI.DOUBLE).
Usage: mpirun -np 2 python3 mpibench.py latency BYTES ITERS REPS | bandwidth FIG SIZES ITERS REPS | allreduce DOUBLES ITERS REPS
"""
import sys
from array import array
from mpi4py import MPI

comm = MPI.COMM_WORLD
rank = comm.Get_rank()


def iters_for(n, iters):
    return iters if n <= 65536 else max(4, iters * 65536 // n)


def rounds(buf, count):
    for _ in range(count):
        if rank == 0:
            comm.Send(buf, dest=1, tag=0)
            comm.Recv(buf, source=1, tag=0)
        elif rank == 1:
            comm.Recv(buf, source=0, tag=0)
            comm.Send(buf, dest=0, tag=0)


def pingpong(n, iters, reps):
    buf = bytearray(n)
    rounds(buf, max(10, iters // 2))
    t = []
    for _ in range(reps):
        comm.Barrier()
        t0 = MPI.Wtime()
        rounds(buf, iters)
        t.append((MPI.Wtime() - t0) / (2.0 * iters))
    check = 0
    if rank == 0:
        buf[:] = bytes((7 * i + 3) % 128 for i in range(n))
        comm.Send(buf, dest=1, tag=1)
        buf[:] = bytes(n)
        comm.Recv(buf, source=1, tag=1)
        check = sum(buf)
    elif rank == 1:
        buf[:] = bytes(n)
        comm.Recv(buf, source=0, tag=1)
        comm.Send(buf, dest=0, tag=1)
    return sorted(t)[reps // 2], check


def allreduce(n, iters, reps):
    x = array('d', (rank + i % 1000 for i in range(n)))
    y = array('d', bytes(8 * n))
    for _ in range(max(10, iters // 2)):
        comm.Allreduce(x, y, op=MPI.SUM)
    t = []
    for _ in range(reps):
        comm.Barrier()
        t0 = MPI.Wtime()
        for _ in range(iters):
            comm.Allreduce(x, y, op=MPI.SUM)
        t.append((MPI.Wtime() - t0) / iters)
    y = array('d', bytes(8 * n))
    comm.Allreduce(x, y, op=MPI.SUM)
    return sorted(t)[reps // 2], sum(y)


def main(a):
    ok = comm.Get_size() >= 2 and ((a[:1] in (["latency"], ["allreduce"]) and len(a) == 4) or (a[:1] == ["bandwidth"] and len(a) == 5))
    if not ok:
        if rank == 0:
            sys.stderr.write(__doc__.strip().splitlines()[-1] + "\n")
        comm.Abort(2)
    if a[0] == "latency":
        t, check = pingpong(int(a[1]), int(a[2]), int(a[3]))
        out = ["latency_us=%.4f" % (t * 1e6), "check=%d" % check]
    elif a[0] == "allreduce":
        t, check = allreduce(int(a[1]), int(a[2]), int(a[3]))
        out = ["latency_us=%.4f" % (t * 1e6), "check=%.0f" % check]
    else:
        fig, iters, reps = int(a[1]), int(a[3]), int(a[4])
        out, peak, figt, figcheck = [], 0.0, 0.0, 0
        for n in (int(s) for s in a[2].split(",")):
            t, check = pingpong(n, iters_for(n, iters), reps)
            peak = max(peak, n / t * 1e-9)
            if n == fig:
                figt, figcheck = t, check
            out.append("bw_%d=%.4f" % (n, n / t * 1e-9))
        out += ["latency_us=%.4f" % (figt * 1e6), "bandwidth_gbs=%.4f" % (fig / figt * 1e-9 if figt > 0 else 0),
                "peak_gbs=%.4f" % peak, "check=%d" % figcheck]
    if rank == 0:
        print("\n".join(out))


main(sys.argv[1:])
