package org.jhpc.mpi.ffi;

/**
 * The loaded MPI library and its ABI, found once per process. {@link #ok()} tells whether MPI can be used; when not,
 * {@link #error()} says why in one sentence (no library, or an implementation jhpc has no ABI class for).
 */
public final class Native {
    private Native() {}

    static {
        // UCX (under MPICH's ch4:ucx and Open MPI's pml ucx) reads its settings when libucs is loaded, with libmpi,
        // and would install handlers for SIGSEGV and SIGBUS that kill the process on the JVM's own, deliberate
        // faults (implicit null checks, safepoint polls). Unless the user set it, tell it to leave signals alone.
        Env.setDefault("UCX_ERROR_SIGNALS", "");
    }

    private static final Locator.Found FOUND = Locator.find();
    private static final Abi ABI;
    private static final String ERROR;

    static {
        Abi abi = null;
        String error = FOUND.error();
        if (FOUND.library() != null) {
            abi = OpenMpiAbi.detect(FOUND.library());
            if (abi == null) abi = MpichAbi.detect(FOUND.library());
            if (abi == null) {
                error = FOUND.path() + " is neither Open MPI nor of the MPICH family (jhpc binds those two ABIs)";
            }
        }
        ABI = abi;
        ERROR = abi == null ? error : null;
    }

    public static boolean ok() {
        return ABI != null;
    }

    public static String error() {
        return ERROR;
    }

    /** The path of the loaded libmpi (as mapped), or null. */
    public static String path() {
        return FOUND.path();
    }

    public static Dl.Library library() {
        if (!ok()) throw new IllegalStateException(ERROR);
        return FOUND.library();
    }

    public static Abi abi() {
        if (!ok()) throw new IllegalStateException(ERROR);
        return ABI;
    }
}
