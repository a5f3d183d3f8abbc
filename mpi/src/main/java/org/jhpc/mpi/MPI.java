package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import org.jhpc.core.Config;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;
import org.jhpc.mpi.ffi.Native;

/**
 * The entry point, as {@code from mpi4py import MPI}: {@link #COMM_WORLD}, the wildcard constants, {@link #wtime()},
 * and the process's MPI lifecycle. MPI is initialised on first use of a communicator (thread level from
 * {@code JHPC_MPI_THREAD}: single, funneled, serialized or multiple; default single, i.e. one thread calls MPI, as
 * a C program's {@code MPI_Init}: Open MPI 4.1 turns its locks on at every level above single, funneled included,
 * which costs about 70 ns per send-and-receive pair, a third of its latency here); it is finalised
 * by {@link #finish(int)} or, failing that, by a shutdown hook. An exception that escapes any thread calls
 * {@code MPI_Abort}, so the other ranks do not hang waiting for a dead one. Without {@code mpirun} the process is
 * an MPI singleton (one rank).
 */
public final class MPI {
    private MPI() {}

    /** Wildcards and the null rank, jhpc's values whatever the library (translated for MPICH, see {@code Abi#rank}). */
    public static final int ANY_SOURCE = Abi.ANY_SOURCE;
    public static final int ANY_TAG = Abi.ANY_TAG;
    public static final int PROC_NULL = Abi.PROC_NULL;
    public static final int UNDEFINED = Abi.UNDEFINED;

    /** Thread support levels, as MPI numbers them. */
    public static final int THREAD_SINGLE = 0, THREAD_FUNNELED = 1, THREAD_SERIALIZED = 2, THREAD_MULTIPLE = 3;

    /** All the processes of the job. */
    public static final Comm COMM_WORLD = new Comm(0, "MPI_COMM_WORLD");
    /** This process alone. */
    public static final Comm COMM_SELF = new Comm(0, "MPI_COMM_SELF");

    private static volatile boolean initialized;
    private static volatile boolean finished;
    private static int threadLevel = -1;

    /** Whether an MPI library was found and is one jhpc can bind. */
    public static boolean available() {
        return Native.ok();
    }

    /** Why MPI cannot be used (null when it can). */
    public static String unavailableReason() {
        return Native.error();
    }

    /** The loaded libmpi file, or null. */
    public static String libraryPath() {
        return Native.path();
    }

    /** The implementation family whose ABI is bound, e.g. {@code Open MPI}. */
    public static String implementation() {
        requireLibrary();
        return Native.abi().name();
    }

    static Abi abi() {
        return Native.abi();
    }

    private static void requireLibrary() {
        if (!Native.ok()) throw new MpiException.Unavailable("MPI is not available: " + Native.error());
    }

    /** Initialises MPI if not done yet (idempotent, thread-safe). */
    public static synchronized void init() {
        if (initialized) return;
        requireLibrary();
        if (finished) throw new MpiException("MPI was already finalized", 0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment flag = a.allocate(ValueLayout.JAVA_INT);
            check(LibMpi.initialized(flag), "MPI_Initialized");
            if (flag.get(ValueLayout.JAVA_INT, 0) == 0) {
                MemorySegment provided = a.allocate(ValueLayout.JAVA_INT);
                check(LibMpi.initThread(MemorySegment.NULL, MemorySegment.NULL, requestedThreadLevel(), provided),
                        "MPI_Init_thread");
                threadLevel = provided.get(ValueLayout.JAVA_INT, 0);
            } else {
                MemorySegment provided = a.allocate(ValueLayout.JAVA_INT);
                check(LibMpi.queryThread(provided), "MPI_Query_thread");
                threadLevel = provided.get(ValueLayout.JAVA_INT, 0);
            }
        }
        Abi abi = Native.abi();
        check(LibMpi.commSetErrhandler(abi.commWorld(), abi.errorsReturn()), "MPI_Comm_set_errhandler");
        check(LibMpi.commSetErrhandler(abi.commSelf(), abi.errorsReturn()), "MPI_Comm_set_errhandler");
        COMM_WORLD.bind(abi.commWorld());
        COMM_SELF.bind(abi.commSelf());
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (previous != null) previous.uncaughtException(t, e);
            else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
            finish(1);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> finish(0), "mpi-finalize"));
        initialized = true;
    }

    static int requestedThreadLevel() {
        String s = Config.MPI_THREAD.value();
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "single" -> THREAD_SINGLE;
            case "funneled" -> THREAD_FUNNELED;
            case "serialized" -> THREAD_SERIALIZED;
            case "multiple" -> THREAD_MULTIPLE;
            default -> throw new MpiException("JHPC_MPI_THREAD must be single, funneled, serialized or multiple, got '"
                    + s + "'", 0);
        };
    }

    /** Whether MPI is initialised and not yet finalised. */
    public static boolean isInitialized() {
        return initialized && !finished;
    }

    /** The thread support level MPI granted (one of the {@code THREAD_*} constants); initialises MPI. */
    public static int threadLevel() {
        init();
        return threadLevel;
    }

    /** MPI's name of a thread level, e.g. {@code MPI_THREAD_FUNNELED}. */
    public static String threadLevelName(int level) {
        return switch (level) {
            case THREAD_SINGLE -> "MPI_THREAD_SINGLE";
            case THREAD_FUNNELED -> "MPI_THREAD_FUNNELED";
            case THREAD_SERIALIZED -> "MPI_THREAD_SERIALIZED";
            case THREAD_MULTIPLE -> "MPI_THREAD_MULTIPLE";
            default -> "level " + level;
        };
    }

    /**
     * Ends this process's part of the job: with {@code exitCode == 0}, {@code MPI_Finalize}; otherwise, in a job of
     * more than one rank, {@code MPI_Abort(MPI_COMM_WORLD, exitCode)}, which makes the launcher end every rank (it
     * does not return). Does nothing when MPI was never initialised. Call it just before {@code System.exit}.
     */
    public static synchronized void finish(int exitCode) {
        if (!initialized || finished) return;
        if (exitCode != 0 && COMM_WORLD.size() > 1) {
            System.err.flush();
            System.out.flush();
            finished = true;
            lastWordsGrace();
            LibMpi.abort(Native.abi().commWorld(), exitCode);
            return;
        }
        finished = true;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment flag = a.allocate(ValueLayout.JAVA_INT);
            LibMpi.finalized(flag);
            if (flag.get(ValueLayout.JAVA_INT, 0) == 0) LibMpi.finalizeMpi();
        }
    }

    /**
     * How long a failing rank waits between writing why it fails and {@code MPI_Abort}: the launcher forwards a
     * rank's output through a pipe, and MPICH's Hydra may kill the job before it has forwarded the last lines.
     */
    static final long ABORT_GRACE_MILLIS = 300;

    private static void lastWordsGrace() {
        try {
            Thread.sleep(ABORT_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the whole job at once ({@code MPI_Abort} on the world). */
    public static void abort(int errorCode) {
        init();
        finished = true;
        LibMpi.abort(Native.abi().commWorld(), errorCode);
    }

    /** Seconds since an arbitrary origin ({@code MPI_Wtime}). */
    public static double wtime() {
        init();
        return LibMpi.wtime();
    }

    /** Resolution of {@link #wtime()} in seconds. */
    public static double wtick() {
        init();
        return LibMpi.wtick();
    }

    /** {@code MPI_Get_library_version}: the implementation's own description (callable before init). */
    public static String libraryVersion() {
        requireLibrary();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(Abi.MAX_LIBRARY_VERSION_STRING);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            check(LibMpi.getLibraryVersion(s, len), "MPI_Get_library_version");
            return s.getString(0).strip();
        }
    }

    /** The MPI standard version the library implements, e.g. {@code 3.1}. */
    public static String standardVersion() {
        requireLibrary();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(ValueLayout.JAVA_INT, 2);
            check(LibMpi.getVersion(v, v.asSlice(4)), "MPI_Get_version");
            return v.getAtIndex(ValueLayout.JAVA_INT, 0) + "." + v.getAtIndex(ValueLayout.JAVA_INT, 1);
        }
    }

    /** {@code MPI_Get_processor_name}. */
    public static String processorName() {
        init();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(1024);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            check(LibMpi.getProcessorName(s, len), "MPI_Get_processor_name");
            return s.getString(0);
        }
    }

    /**
     * A balanced grid of {@code nnodes} processes in {@code ndims} dimensions ({@code MPI_Dims_create}), the
     * largest extent first: e.g. 4 → {2, 2}, 6 → {3, 2}, 7 → {7, 1}.
     */
    public static int[] dimsCreate(int nnodes, int ndims) {
        init();
        int[] dims = new int[ndims];
        check(LibMpi.dimsCreate(nnodes, ndims, MemorySegment.ofArray(dims)), "MPI_Dims_create");
        return dims;
    }

    /**
     * Which launcher started this process, from its environment: {@code Open MPI mpirun}, {@code MPICH/Hydra},
     * {@code Slurm srun (PMIx)}, {@code Slurm srun (PMI-2)}, {@code Slurm srun without an MPI plugin ...}, or
     * {@code none (singleton)}.
     */
    public static String launcher() {
        if (System.getenv("OMPI_COMM_WORLD_SIZE") != null) return "Open MPI mpirun";
        if (System.getenv("SLURM_STEP_ID") != null) {
            // srun's MPI plugins: --mpi=pmix sets PMIX_RANK, --mpi=pmi2 sets PMI_FD (and PMI_SIZE, as Hydra does)
            if (System.getenv("PMIX_RANK") != null) return "Slurm srun (PMIx)";
            if (System.getenv("PMI_FD") != null) return "Slurm srun (PMI-2)";
            if (System.getenv("HYDRA_CONTROL_FD") == null && System.getenv("PMI_SIZE") == null) {
                return "Slurm srun without an MPI plugin (each task is a singleton: srun --mpi=pmix for Open MPI, "
                        + "--mpi=pmi2 for MPICH)";
            }
        }
        if (System.getenv("PMI_SIZE") != null || System.getenv("HYDRA_CONTROL_FD") != null) return "MPICH/Hydra";
        return "none (singleton)";
    }

    /** Whether the launcher and the loaded library belong together (a singleton always matches). */
    public static boolean launcherMatches() {
        String l = launcher();
        if (l.startsWith("none") || l.startsWith("Slurm")) return true;
        return available() && l.startsWith(implementation().equals("Open MPI") ? "Open MPI" : "MPICH");
    }

    static void check(int rc, String function) {
        if (rc != 0) throw error(rc, function);
    }

    static MpiException error(int rc, String function) {
        return new MpiException(function + " failed: " + errorString(rc) + " (error " + rc + ")", rc);
    }

    /** MPI's text for an error code ({@code MPI_Error_string}). */
    static String errorString(int rc) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(Abi.MAX_ERROR_STRING);
            MemorySegment len = a.allocate(ValueLayout.JAVA_INT);
            return LibMpi.errorString(rc, s, len) == 0 ? s.getString(0) : "error code " + rc;
        }
    }
}
