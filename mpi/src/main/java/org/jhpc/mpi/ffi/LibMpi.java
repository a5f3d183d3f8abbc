package org.jhpc.mpi.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Raw downcalls into libmpi, one static method per MPI function with the C signature (handles as {@code long},
 * pointers as {@link MemorySegment}, return codes unchecked). Functions that may receive heap arrays and that
 * complete without waiting on Java are bound with {@link Linker.Option#critical(boolean) critical(true)}: the
 * array is passed in place (no copy) and no thread-state transition is paid; the garbage collector waits for the
 * call to return. Waiting calls ({@code MPI_Wait*}, {@code MPI_Barrier}, {@code MPI_Probe}) are ordinary downcalls,
 * so that a long wait does not hold the collector. See {@link Abi} for handles.
 */
@SuppressWarnings("unused")
public final class LibMpi {
    private LibMpi() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout H = Native.abi().handleLayout();

    private static MethodHandle bind(String name, boolean critical, MemoryLayout ret, MemoryLayout... args) {
        MemorySegment f = Native.library().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError(Native.path() + " lacks " + name));
        FunctionDescriptor fd = ret == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(ret, args);
        MethodHandle mh = critical ? LINKER.downcallHandle(f, fd, Linker.Option.critical(true))
                : LINKER.downcallHandle(f, fd);
        // Handles are Java longs whatever their C type (int for MPICH): narrow them here, once.
        MethodType t = mh.type();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == H) t = t.changeParameterType(i, long.class);
        }
        return MethodHandles.explicitCastArguments(mh, t);
    }

    private static RuntimeException fail(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
    private static final MethodHandle MH_INITIALIZED = bind("MPI_Initialized", false, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_FINALIZED = bind("MPI_Finalized", false, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_INIT_THREAD = bind("MPI_Init_thread", false, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_FINALIZE = bind("MPI_Finalize", false, JAVA_INT);
    private static final MethodHandle MH_ABORT = bind("MPI_Abort", false, JAVA_INT, H, JAVA_INT);
    private static final MethodHandle MH_QUERY_THREAD = bind("MPI_Query_thread", false, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_GET_LIBRARY_VERSION = bind("MPI_Get_library_version", false, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_GET_VERSION = bind("MPI_Get_version", false, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_GET_PROCESSOR_NAME = bind("MPI_Get_processor_name", false, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_COMM_RANK = bind("MPI_Comm_rank", true, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_COMM_SIZE = bind("MPI_Comm_size", true, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_COMM_SET_ERRHANDLER = bind("MPI_Comm_set_errhandler", false, JAVA_INT, H, H);
    private static final MethodHandle MH_COMM_FREE = bind("MPI_Comm_free", false, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_COMM_DUP = bind("MPI_Comm_dup", false, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_ERROR_STRING = bind("MPI_Error_string", false, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_WTIME = bind("MPI_Wtime", true, JAVA_DOUBLE);
    private static final MethodHandle MH_WTICK = bind("MPI_Wtick", true, JAVA_DOUBLE);
    private static final MethodHandle MH_SEND = bind("MPI_Send", false, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, H);
    private static final MethodHandle MH_RECV = bind("MPI_Recv", false, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_SENDRECV = bind("MPI_Sendrecv", false, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_ISEND = bind("MPI_Isend", true, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_IRECV = bind("MPI_Irecv", true, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_WAIT = bind("MPI_Wait", false, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_WAITALL = bind("MPI_Waitall", false, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_TEST = bind("MPI_Test", true, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle MH_PROBE = bind("MPI_Probe", false, JAVA_INT, JAVA_INT, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_GET_COUNT = bind("MPI_Get_count", true, JAVA_INT, ADDRESS, H, ADDRESS);
    private static final MethodHandle MH_BARRIER = bind("MPI_Barrier", false, JAVA_INT, H);
    private static final MethodHandle MH_BCAST = bind("MPI_Bcast", false, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, H);
    private static final MethodHandle MH_REDUCE = bind("MPI_Reduce", false, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, H, H, JAVA_INT, H);
    private static final MethodHandle MH_ALLREDUCE = bind("MPI_Allreduce", false, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, H, H, H);
    private static final MethodHandle MH_GATHER = bind("MPI_Gather", false, JAVA_INT, ADDRESS, JAVA_INT, H, ADDRESS, JAVA_INT, H, JAVA_INT, H);
    private static final MethodHandle MH_GATHERV = bind("MPI_Gatherv", false, JAVA_INT, ADDRESS, JAVA_INT, H, ADDRESS, ADDRESS, ADDRESS, H, JAVA_INT, H);
    private static final MethodHandle MH_ALLGATHER = bind("MPI_Allgather", false, JAVA_INT, ADDRESS, JAVA_INT, H, ADDRESS, JAVA_INT, H, H);
    private static final MethodHandle MH_ALLGATHERV = bind("MPI_Allgatherv", false, JAVA_INT, ADDRESS, JAVA_INT, H, ADDRESS, ADDRESS, ADDRESS, H, H);
    private static final MethodHandle MH_SCATTER = bind("MPI_Scatter", false, JAVA_INT, ADDRESS, JAVA_INT, H, ADDRESS, JAVA_INT, H, JAVA_INT, H);
    private static final MethodHandle MH_SCATTERV = bind("MPI_Scatterv", false, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, H, ADDRESS, JAVA_INT, H, JAVA_INT, H);
    private static final MethodHandle MH_MPROBE = bind("MPI_Mprobe", false, JAVA_INT, JAVA_INT, JAVA_INT, H, ADDRESS, ADDRESS);
    private static final MethodHandle MH_MRECV = bind("MPI_Mrecv", false, JAVA_INT, ADDRESS, JAVA_INT, H, ADDRESS, ADDRESS);
    private static final MethodHandle MH_SENDRECV_REPLACE = bind("MPI_Sendrecv_replace", false, JAVA_INT, ADDRESS, JAVA_INT, H, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, H, ADDRESS);
    private static final MethodHandle MH_DIMS_CREATE = bind("MPI_Dims_create", true, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_CART_CREATE = bind("MPI_Cart_create", false, JAVA_INT, H, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_CART_COORDS = bind("MPI_Cart_coords", true, JAVA_INT, H, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle MH_CART_SHIFT = bind("MPI_Cart_shift", true, JAVA_INT, H, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle MH_CART_RANK = bind("MPI_Cart_rank", true, JAVA_INT, H, ADDRESS, ADDRESS);

    /** {@code MPI_Initialized}. */
    public static int initialized(MemorySegment a0) {
        try {
            return (int) MH_INITIALIZED.invokeExact(a0);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Finalized}. */
    public static int finalized(MemorySegment a0) {
        try {
            return (int) MH_FINALIZED.invokeExact(a0);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Init_thread}. */
    public static int initThread(MemorySegment a0, MemorySegment a1, int a2, MemorySegment a3) {
        try {
            return (int) MH_INIT_THREAD.invokeExact(a0, a1, a2, a3);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Finalize}. */
    public static int finalizeMpi() {
        try {
            return (int) MH_FINALIZE.invokeExact();
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Abort}. */
    public static int abort(long a0, int a1) {
        try {
            return (int) MH_ABORT.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Query_thread}. */
    public static int queryThread(MemorySegment a0) {
        try {
            return (int) MH_QUERY_THREAD.invokeExact(a0);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Get_library_version}. */
    public static int getLibraryVersion(MemorySegment a0, MemorySegment a1) {
        try {
            return (int) MH_GET_LIBRARY_VERSION.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Get_version}. */
    public static int getVersion(MemorySegment a0, MemorySegment a1) {
        try {
            return (int) MH_GET_VERSION.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Get_processor_name}. */
    public static int getProcessorName(MemorySegment a0, MemorySegment a1) {
        try {
            return (int) MH_GET_PROCESSOR_NAME.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Comm_rank}. */
    public static int commRank(long a0, MemorySegment a1) {
        try {
            return (int) MH_COMM_RANK.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Comm_size}. */
    public static int commSize(long a0, MemorySegment a1) {
        try {
            return (int) MH_COMM_SIZE.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Comm_set_errhandler}. */
    public static int commSetErrhandler(long a0, long a1) {
        try {
            return (int) MH_COMM_SET_ERRHANDLER.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Comm_free}. */
    public static int commFree(MemorySegment a0) {
        try {
            return (int) MH_COMM_FREE.invokeExact(a0);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Comm_dup}. */
    public static int commDup(long a0, MemorySegment a1) {
        try {
            return (int) MH_COMM_DUP.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Error_string}. */
    public static int errorString(int a0, MemorySegment a1, MemorySegment a2) {
        try {
            return (int) MH_ERROR_STRING.invokeExact(a0, a1, a2);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Wtime}. */
    public static double wtime() {
        try {
            return (double) MH_WTIME.invokeExact();
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Wtick}. */
    public static double wtick() {
        try {
            return (double) MH_WTICK.invokeExact();
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Send}. */
    public static int send(MemorySegment a0, int a1, long a2, int a3, int a4, long a5) {
        try {
            return (int) MH_SEND.invokeExact(a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Recv}. */
    public static int recv(MemorySegment a0, int a1, long a2, int a3, int a4, long a5, MemorySegment a6) {
        try {
            return (int) MH_RECV.invokeExact(a0, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Sendrecv}. */
    public static int sendrecv(MemorySegment a0, int a1, long a2, int a3, int a4, MemorySegment a5, int a6, long a7, int a8, int a9, long a10, MemorySegment a11) {
        try {
            return (int) MH_SENDRECV.invokeExact(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Isend}. */
    public static int isend(MemorySegment a0, int a1, long a2, int a3, int a4, long a5, MemorySegment a6) {
        try {
            return (int) MH_ISEND.invokeExact(a0, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Irecv}. */
    public static int irecv(MemorySegment a0, int a1, long a2, int a3, int a4, long a5, MemorySegment a6) {
        try {
            return (int) MH_IRECV.invokeExact(a0, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Wait}. */
    public static int wait(MemorySegment a0, MemorySegment a1) {
        try {
            return (int) MH_WAIT.invokeExact(a0, a1);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Waitall}. */
    public static int waitall(int a0, MemorySegment a1, MemorySegment a2) {
        try {
            return (int) MH_WAITALL.invokeExact(a0, a1, a2);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Test}. */
    public static int test(MemorySegment a0, MemorySegment a1, MemorySegment a2) {
        try {
            return (int) MH_TEST.invokeExact(a0, a1, a2);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Probe}. */
    public static int probe(int a0, int a1, long a2, MemorySegment a3) {
        try {
            return (int) MH_PROBE.invokeExact(a0, a1, a2, a3);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Get_count}. */
    public static int getCount(MemorySegment a0, long a1, MemorySegment a2) {
        try {
            return (int) MH_GET_COUNT.invokeExact(a0, a1, a2);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Barrier}. */
    public static int barrier(long a0) {
        try {
            return (int) MH_BARRIER.invokeExact(a0);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Bcast}. */
    public static int bcast(MemorySegment a0, int a1, long a2, int a3, long a4) {
        try {
            return (int) MH_BCAST.invokeExact(a0, a1, a2, a3, a4);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Reduce}. */
    public static int reduce(MemorySegment a0, MemorySegment a1, int a2, long a3, long a4, int a5, long a6) {
        try {
            return (int) MH_REDUCE.invokeExact(a0, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Allreduce}. */
    public static int allreduce(MemorySegment a0, MemorySegment a1, int a2, long a3, long a4, long a5) {
        try {
            return (int) MH_ALLREDUCE.invokeExact(a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Gather}. */
    public static int gather(MemorySegment a0, int a1, long a2, MemorySegment a3, int a4, long a5, int a6, long a7) {
        try {
            return (int) MH_GATHER.invokeExact(a0, a1, a2, a3, a4, a5, a6, a7);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Gatherv}. */
    public static int gatherv(MemorySegment a0, int a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5, long a6, int a7, long a8) {
        try {
            return (int) MH_GATHERV.invokeExact(a0, a1, a2, a3, a4, a5, a6, a7, a8);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Allgather}. */
    public static int allgather(MemorySegment a0, int a1, long a2, MemorySegment a3, int a4, long a5, long a6) {
        try {
            return (int) MH_ALLGATHER.invokeExact(a0, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Allgatherv}. */
    public static int allgatherv(MemorySegment a0, int a1, long a2, MemorySegment a3, MemorySegment a4, MemorySegment a5, long a6, long a7) {
        try {
            return (int) MH_ALLGATHERV.invokeExact(a0, a1, a2, a3, a4, a5, a6, a7);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Scatter}. */
    public static int scatter(MemorySegment a0, int a1, long a2, MemorySegment a3, int a4, long a5, int a6, long a7) {
        try {
            return (int) MH_SCATTER.invokeExact(a0, a1, a2, a3, a4, a5, a6, a7);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Scatterv}. */
    public static int scatterv(MemorySegment a0, MemorySegment a1, MemorySegment a2, long a3, MemorySegment a4, int a5, long a6, int a7, long a8) {
        try {
            return (int) MH_SCATTERV.invokeExact(a0, a1, a2, a3, a4, a5, a6, a7, a8);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Dims_create}. */
    public static int dimsCreate(int a0, int a1, MemorySegment a2) {
        try {
            return (int) MH_DIMS_CREATE.invokeExact(a0, a1, a2);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Cart_create}. */
    public static int cartCreate(long a0, int a1, MemorySegment a2, MemorySegment a3, int a4, MemorySegment a5) {
        try {
            return (int) MH_CART_CREATE.invokeExact(a0, a1, a2, a3, a4, a5);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Cart_coords}. */
    public static int cartCoords(long a0, int a1, int a2, MemorySegment a3) {
        try {
            return (int) MH_CART_COORDS.invokeExact(a0, a1, a2, a3);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Cart_shift}. */
    public static int cartShift(long a0, int a1, int a2, MemorySegment a3, MemorySegment a4) {
        try {
            return (int) MH_CART_SHIFT.invokeExact(a0, a1, a2, a3, a4);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Cart_rank}. */
    public static int cartRank(long a0, MemorySegment a1, MemorySegment a2) {
        try {
            return (int) MH_CART_RANK.invokeExact(a0, a1, a2);
        } catch (Throwable t) {
            throw fail(t);
        }
    }


    /** {@code MPI_Mprobe(source, tag, comm, &message, &status)}. */
    public static int mprobe(int source, int tag, long comm, MemorySegment message, MemorySegment status) {
        try {
            return (int) MH_MPROBE.invokeExact(source, tag, comm, message, status);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Mrecv(buf, count, datatype, &message, &status)}. */
    public static int mrecv(MemorySegment buf, int count, long datatype, MemorySegment message, MemorySegment status) {
        try {
            return (int) MH_MRECV.invokeExact(buf, count, datatype, message, status);
        } catch (Throwable t) {
            throw fail(t);
        }
    }

    /** {@code MPI_Sendrecv_replace}. */
    public static int sendrecvReplace(MemorySegment buf, int count, long datatype, int dest, int sendtag, int source,
                                      int recvtag, long comm, MemorySegment status) {
        try {
            return (int) MH_SENDRECV_REPLACE.invokeExact(buf, count, datatype, dest, sendtag, source, recvtag, comm, status);
        } catch (Throwable t) {
            throw fail(t);
        }
    }
}
