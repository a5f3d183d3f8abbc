package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;

/**
 * A reduction operation defined by a Java function ({@code MPI_Op_create}; mpi4py's {@code MPI.Op.Create}): MPI
 * calls it (through an FFM upcall) with pairs of element vectors and it combines them element by element,
 * {@code inout[i] = f(in[i], inout[i])}, where {@code in} holds the values of lower ranks. For one element type
 * ({@code double[]}, {@code long[]} or {@code int[]} buffers); {@code commute} says whether MPI may reorder the
 * operands. An exception thrown by {@code f} is not propagated through MPI's C frames: the element is left as it
 * was, and the reduction call that ran it throws an {@link MpiException} afterwards. Free it with {@link #free()}.
 */
public final class UserOp extends Op {
    private static final ThreadLocal<RuntimeException> FAILED = new ThreadLocal<>();

    private final Datatype type;
    private final DoubleBinaryOperator fd;
    private final LongBinaryOperator fl;
    private final IntBinaryOperator fi;
    private long handle;

    private UserOp(String name, Datatype type, DoubleBinaryOperator fd, LongBinaryOperator fl, IntBinaryOperator fi,
                   boolean commute) {
        super(name, null);
        this.type = type;
        this.fd = fd;
        this.fl = fl;
        this.fi = fi;
        MPI.init();
        Abi abi = MPI.abi();
        try {
            MethodHandle apply = MethodHandles.lookup().findVirtual(UserOp.class, "apply", MethodType.methodType(void.class,
                    MemorySegment.class, MemorySegment.class, MemorySegment.class, MemorySegment.class)).bindTo(this);
            ValueLayout a = ValueLayout.ADDRESS;
            MemorySegment stub = Linker.nativeLinker().upcallStub(apply, FunctionDescriptor.ofVoid(a, a, a, a),
                    Arena.global());
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment slot = arena.allocate(abi.handleLayout());
                MPI.check(LibMpi.opCreate(stub, commute ? 1 : 0, slot), "MPI_Op_create");
                handle = abi.readHandle(slot, 0);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An operation on {@code double[]} buffers. */
    public static UserOp ofDoubles(DoubleBinaryOperator f, boolean commute) {
        return new UserOp("user(double)", Datatype.DOUBLE, f, null, null, commute);
    }

    /** An operation on {@code long[]} buffers. */
    public static UserOp ofLongs(LongBinaryOperator f, boolean commute) {
        return new UserOp("user(long)", Datatype.LONG, null, f, null, commute);
    }

    /** An operation on {@code int[]} buffers. */
    public static UserOp ofInts(IntBinaryOperator f, boolean commute) {
        return new UserOp("user(int)", Datatype.INT, null, null, f, commute);
    }

    /** The element type this operation takes. */
    public Datatype type() {
        return type;
    }

    @Override
    long handle(Abi abi) {
        if (handle == 0) throw new IllegalStateException(this + " was freed");
        return handle;
    }

    /** The upcall: {@code void f(void *in, void *inout, int *len, MPI_Datatype *type)}. Never throws into C. */
    private void apply(MemorySegment in, MemorySegment inout, MemorySegment len, MemorySegment dt) {
        try {
            int n = len.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
            long bytes = (long) n * type.size();
            MemorySegment a = in.reinterpret(bytes), b = inout.reinterpret(bytes);
            for (int i = 0; i < n; i++) {
                long at = (long) i * type.size();
                switch (type) {
                    case DOUBLE -> b.set(ValueLayout.JAVA_DOUBLE, at, fd.applyAsDouble(a.get(ValueLayout.JAVA_DOUBLE, at),
                            b.get(ValueLayout.JAVA_DOUBLE, at)));
                    case LONG -> b.set(ValueLayout.JAVA_LONG, at, fl.applyAsLong(a.get(ValueLayout.JAVA_LONG, at),
                            b.get(ValueLayout.JAVA_LONG, at)));
                    default -> b.set(ValueLayout.JAVA_INT, at, fi.applyAsInt(a.get(ValueLayout.JAVA_INT, at),
                            b.get(ValueLayout.JAVA_INT, at)));
                }
            }
        } catch (Throwable t) {
            if (FAILED.get() == null) FAILED.set(t instanceof RuntimeException r ? r : new IllegalStateException(t));
        }
    }

    /** Rethrows (once) what the function threw during the last reduction on this thread. */
    static void rethrowFailure(String fn) {
        RuntimeException e = FAILED.get();
        if (e == null) return;
        FAILED.remove();
        throw new MpiException(fn + ": the user-defined operation threw " + e, 0);
    }

    /** Releases the operation ({@code MPI_Op_free}); its upcall stub stays (MPI may hold it until then). */
    public void free() {
        if (handle == 0) return;
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(abi.handleLayout());
            abi.writeHandle(slot, 0, handle);
            handle = 0;
            MPI.check(LibMpi.opFree(slot), "MPI_Op_free");
        }
    }
}
