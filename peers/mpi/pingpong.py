"""Ping-pong peer for `jhpc mpi pingpong` with Debian's mpi4py: the same protocol as pingpong.c.

Mode "buffer" uses the uppercase Send/Recv on a bytearray (no serialisation); mode "pickle" uses the lowercase
send/recv on a bytes object (pickled each way). Prints latency_us=<f> and bandwidth_gbs=<f> (medians).
Usage: mpirun -np 2 python3 pingpong.py [buffer|pickle] [latency_bytes iters bandwidth_bytes bw_iters reps]
"""
import sys
from mpi4py import MPI

comm = MPI.COMM_WORLD
rank = comm.Get_rank()
mode = sys.argv[1] if len(sys.argv) > 1 else "buffer"
args = [int(a) for a in sys.argv[2:]] + [8, 20000, 8 << 20, 20, 5][len(sys.argv[2:]):]
lat_bytes, iters, bw_bytes, bw_iters, reps = args[:5]


def rounds(n, count):
    if mode == "buffer":
        buf = bytearray(n)
        for _ in range(count):
            if rank == 0:
                comm.Send(buf, dest=1, tag=0)
                comm.Recv(buf, source=1, tag=0)
            elif rank == 1:
                comm.Recv(buf, source=0, tag=0)
                comm.Send(buf, dest=0, tag=0)
    else:
        obj = bytes(n)
        for _ in range(count):
            if rank == 0:
                comm.send(obj, dest=1, tag=0)
                obj = comm.recv(source=1, tag=0)
            elif rank == 1:
                obj = comm.recv(source=0, tag=0)
                comm.send(obj, dest=0, tag=0)


def one_way(n, count):
    rounds(n, max(10, count // 2))
    t = []
    for _ in range(reps):
        comm.Barrier()
        t0 = MPI.Wtime()
        rounds(n, count)
        t.append((MPI.Wtime() - t0) / (2.0 * count))
    return sorted(t)[reps // 2]


lat = one_way(lat_bytes, iters)
bw = one_way(bw_bytes, bw_iters)
if rank == 0:
    print("latency_us=%.4f" % (lat * 1e6))
    print("bandwidth_gbs=%.4f" % (bw_bytes / bw * 1e-9))
