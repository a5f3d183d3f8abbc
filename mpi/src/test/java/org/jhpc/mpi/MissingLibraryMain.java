package org.jhpc.mpi;

/**
 * Run with {@code -Djhpc.libmpi=/no/such/libmpi.so}: MPI must report itself unavailable, and the first use of a
 * communicator must throw {@link MpiException.Unavailable} naming the override, not crash.
 */
public final class MissingLibraryMain {
    public static void main(String[] args) {
        System.out.println("available=" + MPI.available());
        System.out.println("reason=" + MPI.unavailableReason());
        try {
            MPI.COMM_WORLD.rank();
            System.out.println("rank() did not throw");
        } catch (MpiException.Unavailable e) {
            System.out.println("thrown=" + e.getMessage());
        }
    }
}
