#!/usr/bin/env python3
"""Writes mpi/src/main/java/org/jhpc/mpi/ffi/LibMpi.java, the raw downcalls, from TABLE below: one C prototype per
MPI function (as the standard writes it) and how it may be called:
  bounded  - returns after a short, bounded time: an FFM critical downcall (no thread-state transition, heap
             segments allowed); the JVM cannot reach a safepoint during it, so nothing that may wait goes here.
  blocking - may wait for other ranks: an ordinary downcall (the thread is "in native" and safepoints proceed);
             only native memory may be passed.
C types map to Java as: int -> int, double -> double, MPI_Aint/MPI_Offset -> long, handles (MPI_Comm, MPI_Datatype,
MPI_Op, MPI_Request, MPI_Message, MPI_Errhandler, MPI_Info, MPI_Group) -> long (narrowed to the ABI's handle
type), MPI_File -> long (a pointer in both families), every pointer -> MemorySegment. Run from the repository root: python3 mpi/gen/libmpi.py"""
import re

TABLE = """
blocking | int MPI_Initialized(int *flag)
blocking | int MPI_Finalized(int *flag)
blocking | int MPI_Init_thread(int *argc, char ***argv, int required, int *provided)
blocking | int MPI_Finalize(void)
blocking | int MPI_Abort(MPI_Comm comm, int errorcode)
blocking | int MPI_Query_thread(int *provided)
blocking | int MPI_Get_library_version(char *version, int *resultlen)
blocking | int MPI_Get_version(int *version, int *subversion)
blocking | int MPI_Get_processor_name(char *name, int *resultlen)
bounded  | int MPI_Comm_rank(MPI_Comm comm, int *rank)
bounded  | int MPI_Comm_size(MPI_Comm comm, int *size)
blocking | int MPI_Comm_set_errhandler(MPI_Comm comm, MPI_Errhandler errhandler)
blocking | int MPI_Comm_free(MPI_Comm *comm)
blocking | int MPI_Comm_dup(MPI_Comm comm, MPI_Comm *newcomm)
blocking | int MPI_Comm_split(MPI_Comm comm, int color, int key, MPI_Comm *newcomm)
blocking | int MPI_Error_string(int errorcode, char *string, int *resultlen)
blocking | int MPI_Error_class(int errorcode, int *errorclass)
bounded  | double MPI_Wtime(void)
bounded  | double MPI_Wtick(void)
blocking | int MPI_Send(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
blocking | int MPI_Ssend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
blocking | int MPI_Recv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Status *status)
blocking | int MPI_Sendrecv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag, void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag, MPI_Comm comm, MPI_Status *status)
blocking | int MPI_Sendrecv_replace(void *buf, int count, MPI_Datatype datatype, int dest, int sendtag, int source, int recvtag, MPI_Comm comm, MPI_Status *status)
blocking | int MPI_Mprobe(int source, int tag, MPI_Comm comm, MPI_Message *message, MPI_Status *status)
blocking | int MPI_Mrecv(void *buf, int count, MPI_Datatype datatype, MPI_Message *message, MPI_Status *status)
bounded  | int MPI_Isend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm, MPI_Request *request)
bounded  | int MPI_Irecv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm, MPI_Request *request)
blocking | int MPI_Wait(MPI_Request *request, MPI_Status *status)
blocking | int MPI_Waitany(int count, MPI_Request *array_of_requests, int *index, MPI_Status *status)
bounded  | int MPI_Test(MPI_Request *request, int *flag, MPI_Status *status)
blocking | int MPI_Probe(int source, int tag, MPI_Comm comm, MPI_Status *status)
bounded  | int MPI_Iprobe(int source, int tag, MPI_Comm comm, int *flag, MPI_Status *status)
bounded  | int MPI_Get_count(const MPI_Status *status, MPI_Datatype datatype, int *count)
blocking | int MPI_Barrier(MPI_Comm comm)
blocking | int MPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm)
blocking | int MPI_Reduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, int root, MPI_Comm comm)
blocking | int MPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
blocking | int MPI_Scan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
blocking | int MPI_Exscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
blocking | int MPI_Reduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
blocking | int MPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
blocking | int MPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *displs, MPI_Datatype recvtype, int root, MPI_Comm comm)
blocking | int MPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
blocking | int MPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *displs, MPI_Datatype recvtype, MPI_Comm comm)
blocking | int MPI_Scatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
blocking | int MPI_Scatterv(const void *sendbuf, const int *sendcounts, const int *displs, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
blocking | int MPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
blocking | int MPI_Alltoallv(const void *sendbuf, const int *sendcounts, const int *sdispls, MPI_Datatype sendtype, void *recvbuf, const int *recvcounts, const int *rdispls, MPI_Datatype recvtype, MPI_Comm comm)
bounded  | int MPI_Ibarrier(MPI_Comm comm, MPI_Request *request)
bounded  | int MPI_Ibcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm, MPI_Request *request)
bounded  | int MPI_Iallreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
blocking | int MPI_Op_create(MPI_User_function *user_fn, int commute, MPI_Op *op)
blocking | int MPI_Op_free(MPI_Op *op)
blocking | int MPI_Type_vector(int count, int blocklength, int stride, MPI_Datatype oldtype, MPI_Datatype *newtype)
blocking | int MPI_Type_create_subarray(int ndims, const int *array_of_sizes, const int *array_of_subsizes, const int *array_of_starts, int order, MPI_Datatype oldtype, MPI_Datatype *newtype)
blocking | int MPI_Type_commit(MPI_Datatype *datatype)
blocking | int MPI_Type_free(MPI_Datatype *datatype)
blocking | int MPI_Type_size(MPI_Datatype datatype, int *size)
blocking | int MPI_File_open(MPI_Comm comm, const char *filename, int amode, MPI_Info info, MPI_File *fh)
blocking | int MPI_File_close(MPI_File *fh)
blocking | int MPI_File_set_view(MPI_File fh, MPI_Offset disp, MPI_Datatype etype, MPI_Datatype filetype, const char *datarep, MPI_Info info)
blocking | int MPI_File_write_at_all(MPI_File fh, MPI_Offset offset, const void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
blocking | int MPI_File_write_at(MPI_File fh, MPI_Offset offset, const void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
blocking | int MPI_File_read_at_all(MPI_File fh, MPI_Offset offset, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
blocking | int MPI_File_set_size(MPI_File fh, MPI_Offset size)
bounded  | int MPI_Dims_create(int nnodes, int ndims, int *dims)
blocking | int MPI_Cart_create(MPI_Comm comm_old, int ndims, const int *dims, const int *periods, int reorder, MPI_Comm *comm_cart)
bounded  | int MPI_Cart_coords(MPI_Comm comm, int rank, int maxdims, int *coords)
bounded  | int MPI_Cart_shift(MPI_Comm comm, int direction, int disp, int *rank_source, int *rank_dest)
bounded  | int MPI_Cart_rank(MPI_Comm comm, const int *coords, int *rank)
"""

HANDLES = {"MPI_Comm", "MPI_Datatype", "MPI_Op", "MPI_Request", "MPI_Message", "MPI_Errhandler", "MPI_Info",
           "MPI_Group"}   # MPI_File is a pointer in both families (MPICH's too): a 64-bit long
RENAME = {"MPI_Finalize": "finalizeMpi"}   # finalize() would read as Object.finalize


def java_name(c):
    if c in RENAME:
        return RENAME[c]
    parts = c[len("MPI_"):].split("_")
    return parts[0].lower() + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def param(p):
    """(java type, layout, name) of one C parameter."""
    m = re.match(r"(.*?)(\w+)$", p.strip())
    ctype, name = m.group(1).strip(), m.group(2)
    if "*" in ctype:
        return "MemorySegment", "ADDRESS", name
    base = ctype.replace("const ", "").strip()
    if base in HANDLES:
        return "long", "H", name
    if base in ("MPI_Aint", "MPI_Offset", "MPI_File"):
        return "long", "JAVA_LONG", name
    if base == "int":
        return "int", "JAVA_INT", name
    raise ValueError("unmapped C type: " + p)


def main():
    out = ["// Generated by mpi/gen/libmpi.py from its TABLE of C prototypes: do not edit by hand.",
           "package org.jhpc.mpi.ffi;", "",
           "import java.lang.foreign.MemorySegment;", "import java.lang.invoke.MethodHandle;", "",
           "import static java.lang.foreign.ValueLayout.ADDRESS;", "import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;",
           "import static java.lang.foreign.ValueLayout.JAVA_INT;", "import static java.lang.foreign.ValueLayout.JAVA_LONG;",
           "import static org.jhpc.mpi.ffi.Downcalls.BLOCKING;", "import static org.jhpc.mpi.ffi.Downcalls.BOUNDED;",
           "import static org.jhpc.mpi.ffi.Downcalls.H;", "",
           "/**",
           " * Raw downcalls into libmpi: one static method per MPI function, named after it ({@code MPI_Comm_rank} is",
           " * {@link #commRank}) with the C parameter names; handles as {@code long}, pointers as {@link MemorySegment},",
           " * return codes unchecked. {@link Downcalls#BOUNDED} functions are critical downcalls (they may take heap",
           " * segments); {@link Downcalls#BLOCKING} ones are ordinary downcalls, during which the JVM reaches safepoints,",
           " * and take native memory only. See {@link Abi} for handles.",
           " */",
           "public final class LibMpi {", "    private LibMpi() {}", ""]
    methods = []
    for line in TABLE.strip().splitlines():
        kind, proto = [x.strip() for x in line.split("|", 1)]
        m = re.match(r"(\w+) (MPI_\w+)\((.*)\)$", proto)
        ret, cname, params = m.groups()
        ps = [] if params.strip() == "void" else [param(p) for p in params.split(",")]
        rl = {"int": "JAVA_INT", "double": "JAVA_DOUBLE"}[ret]
        layouts = "".join(", " + l for _, l, _ in ps)
        out.append("    private static final MethodHandle %s = Downcalls.bind(\"%s\", %s, %s%s);"
                   % (cname.upper(), cname, kind.upper(), rl, layouts))
        jn = java_name(cname)
        decl = ", ".join("%s %s" % (t, n) for t, _, n in ps)
        args = ", ".join(n for _, _, n in ps)
        methods += ["", "    /** {@code %s} (%s). */" % (proto, kind),
                    "    public static %s %s(%s) {" % (ret, jn, decl),
                    "        try {",
                    "            return (%s) %s.invokeExact(%s);" % (ret, cname.upper(), args),
                    "        } catch (Throwable t) {",
                    "            throw Downcalls.rethrow(t);",
                    "        }",
                    "    }"]
    out += methods
    out += ["}", ""]
    with open("mpi/src/main/java/org/jhpc/mpi/ffi/LibMpi.java", "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
