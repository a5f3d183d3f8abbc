package org.jhpc.mpi;

import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.Predefined;

/**
 * A reduction operation: MPI's predefined ones ({@link #SUM}, {@link #PROD}, {@link #MIN}, {@link #MAX}, the
 * bitwise and logical ones on integer buffers, {@link #MINLOC}/{@link #MAXLOC} on value–index pairs through
 * {@link Comm#allreduceLoc}), or one defined by a Java function ({@link UserOp}).
 */
public class Op {
    /** Element-wise sum. */
    public static final Op SUM = new Op("SUM", Predefined.SUM);
    /** Element-wise product. */
    public static final Op PROD = new Op("PROD", Predefined.PROD);
    /** Element-wise minimum. */
    public static final Op MIN = new Op("MIN", Predefined.MIN);
    /** Element-wise maximum. */
    public static final Op MAX = new Op("MAX", Predefined.MAX);
    /** The smallest value and the lowest index holding it ({@link Comm#allreduceLoc}). */
    public static final Op MINLOC = new Op("MINLOC", Predefined.MINLOC);
    /** The largest value and the lowest index holding it ({@link Comm#allreduceLoc}). */
    public static final Op MAXLOC = new Op("MAXLOC", Predefined.MAXLOC);
    /** Bitwise and, or, exclusive or (integer buffers). */
    public static final Op BAND = new Op("BAND", Predefined.BAND);
    public static final Op BOR = new Op("BOR", Predefined.BOR);
    public static final Op BXOR = new Op("BXOR", Predefined.BXOR);
    /** Logical and, or (integer buffers; nonzero is true, the result is 0 or 1). */
    public static final Op LAND = new Op("LAND", Predefined.LAND);
    public static final Op LOR = new Op("LOR", Predefined.LOR);

    private final String name;
    private final Predefined predefined;

    Op(String name, Predefined predefined) {
        this.name = name;
        this.predefined = predefined;
    }

    /** The MPI handle of this operation. */
    long handle(Abi abi) {
        return abi.handle(predefined);
    }

    @Override
    public String toString() {
        return "MPI_" + name;
    }
}
