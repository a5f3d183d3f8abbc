package org.jhpc.mpi;

import java.lang.foreign.MemorySegment;
import org.jhpc.mpi.ffi.LibMpi;

/** A communicator with a Cartesian process grid ({@link Comm#cartCreate}); coordinates are row-major over dims. */
public final class CartComm extends Comm {
    private final int[] dims;
    private final boolean[] periods;

    CartComm(long handle, int[] dims, boolean[] periods) {
        super(handle, "cart" + java.util.Arrays.toString(dims));
        this.dims = dims;
        this.periods = periods;
    }

    /** Processes along each dimension (a copy). */
    public int[] dims() {
        return dims.clone();
    }

    /** Whether each dimension wraps around (a copy). */
    public boolean[] periods() {
        return periods.clone();
    }

    /** This process's coordinates. */
    public int[] coords() {
        return coords(rank());
    }

    /** The coordinates of {@code rank} ({@code MPI_Cart_coords}). */
    public int[] coords(int rank) {
        int[] c = new int[dims.length];
        MPI.check(LibMpi.cartCoords(h(), rank, c.length, MemorySegment.ofArray(c)), "MPI_Cart_coords");
        return c;
    }

    /** The rank at {@code coords}, one per dimension ({@code MPI_Cart_rank}; periodic dimensions wrap). */
    public int rankOf(int... coords) {
        if (coords.length != dims.length) {
            throw new IllegalArgumentException("rankOf: " + coords.length + " coordinates for a " + dims.length
                    + "-dimensional grid");
        }
        int[] out = new int[1];
        MPI.check(LibMpi.cartRank(h(), MemorySegment.ofArray(coords.clone()), MemorySegment.ofArray(out)),
                "MPI_Cart_rank");
        return out[0];
    }

    /**
     * The neighbours {@code disp} steps along {@code direction} ({@code MPI_Cart_shift}): send to {@code dest},
     * receive from {@code source}; {@link MPI#PROC_NULL} past a non-periodic edge.
     */
    public Shift shift(int direction, int disp) {
        int[] sd = new int[2];
        MemorySegment s = MemorySegment.ofArray(sd);
        MPI.check(LibMpi.cartShift(h(), direction, disp, s.asSlice(0, 4), s.asSlice(4, 4)), "MPI_Cart_shift");
        return new Shift(MPI.abi().rank(sd[0]), MPI.abi().rank(sd[1]));
    }
}
