package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;
import org.jhpc.mpi.ffi.Predefined;

/**
 * A communicator, with mpi4py's methods under Java names. Buffer methods ({@code send}, {@code recv},
 * {@code bcast}, {@code reduce}, ...; mpi4py's uppercase {@code Send}, {@code Recv}, ...) move raw elements with no
 * serialisation; a buffer argument is a {@code double[]}, {@code long[]}, {@code int[]}, {@code byte[]},
 * {@link MemorySegment} or {@link Buf}, and its length is the element count. Object methods ({@code sendObject},
 * {@code recvObject}, {@code bcastObject}, ...; mpi4py's lowercase {@code send}, {@code recv}, ...) move any
 * {@link java.io.Serializable} value. Errors become {@link MpiException}s. Arguments marked "root only" are ignored
 * (and may be null) on other ranks.
 */
public class Comm extends BufferOverloads {
    private volatile long handle;
    private volatile boolean freed;
    private final String name;
    private int rank = -1;
    private int size = -1;

    Comm(long handle, String name) {
        this.handle = handle;
        this.name = name;
    }

    void bind(long h) {
        handle = h;
    }

    /** The native handle (initialises MPI on first use of the world communicator). */
    final long h() {
        long x = handle;
        if (x == 0) {
            MPI.init();
            x = handle;
        }
        if (freed) throw new IllegalStateException(name + " was freed");
        return x;
    }

    @Override
    public String toString() {
        return name;
    }

    /** This process's rank in the communicator, 0 ≤ rank &lt; size. */
    public final int rank() {
        if (rank < 0) rank = queryInt(true);
        return rank;
    }

    /** The number of processes. */
    public final int size() {
        if (size < 0) size = queryInt(false);
        return size;
    }

    private int queryInt(boolean rankNotSize) {
        long c = h();
        Scratch s = Scratch.get();
        int rc = rankNotSize ? LibMpi.commRank(c, s.ints) : LibMpi.commSize(c, s.ints);
        MPI.check(rc, rankNotSize ? "MPI_Comm_rank" : "MPI_Comm_size");
        return s.intAt(0);
    }

    // ---------------------------------------------------------------- point to point (buffers)

    /** The status of a receive from {@link MPI#PROC_NULL}: source PROC_NULL, tag ANY_TAG, count 0. */
    static final Status NULL_STATUS = new Status(MPI.PROC_NULL, MPI.ANY_TAG, 0);

    /** A buffer argument; null only when {@code peer} is {@link MPI#PROC_NULL} (then nothing is sent or received). */
    private static Buf peerBuf(Buf buf, int peer, String what) {
        if (buf == null && peer != MPI.PROC_NULL) throw new NullPointerException(what + ": buffer is null");
        return buf;
    }

    /** A rank argument in the library's numbering ({@link MPI#PROC_NULL} and {@link MPI#ANY_SOURCE} differ). */
    static int peer(int rank) {
        return MPI.abi().rank(rank);
    }

    /** MPI's count: elements, or 1 instance of a derived type. */
    private static int count(Buf b) {
        return b == null ? 0 : b.derived != null ? 1 : b.count;
    }

    /** MPI's datatype: the element type's, or the derived type's. */
    private static long type(Buf b) {
        if (b != null && b.derived != null) return b.derived.handle();
        return (b == null ? Datatype.BYTE : b.type).handle(MPI.abi());
    }

    /** A user-defined op takes one element type; checked before MPI calls it. */
    private static Op checkOp(Op op, Buf b, String fn) {
        if (op instanceof UserOp u && u.type() != b.type) {
            throw new IllegalArgumentException(fn + ": " + u + " takes " + u.type() + " buffers, got " + b.type);
        }
        return op;
    }

    /** Reductions treat byte arrays as signed 8-bit integers ({@code MPI_INT8_T}, not the order-less MPI_BYTE). */
    private static long reductionType(Buf b) {
        return b.type.reductionHandle(MPI.abi());
    }

    /** The status in {@code s}, the count in elements of {@code t} (read from the status: no downcall). */
    private static Status status(Scratch s, Datatype t) {
        return Status.of(MPI.abi(), s.status, t);
    }

    /** Sends {@code buf} to {@code dest} with tag 0 ({@code MPI_Send}). */
    public final void send(Buf buf, int dest) {
        send(buf, dest, 0);
    }

    /**
     * Sends {@code buf} to {@code dest} ({@code MPI_Send}; blocks until the buffer may be reused). With
     * {@code dest = PROC_NULL} nothing is sent and {@code buf} may be null.
     */
    public final void send(Buf buf, int dest, int tag) {
        long c = h();
        Buf b = peerBuf(buf, dest, "send");
        try (Stage st = Stage.open(Stage.need(b))) {
            MPI.check(LibMpi.send(st.in(b), count(b), type(b), peer(dest), tag, c), "MPI_Send");
        }
    }

    /**
     * Synchronous send ({@code MPI_Ssend}): returns only once the receiver has started to receive the message, so a
     * program that relies on buffering deadlocks here instead of at scale.
     */
    public final void ssend(Buf buf, int dest, int tag) {
        long c = h();
        Buf b = peerBuf(buf, dest, "ssend");
        try (Stage st = Stage.open(Stage.need(b))) {
            MPI.check(LibMpi.ssend(st.in(b), count(b), type(b), peer(dest), tag, c), "MPI_Ssend");
        }
    }

    /** Receives into {@code buf} from any source with any tag. */
    public final Status recv(Buf buf) {
        return recv(buf, MPI.ANY_SOURCE, MPI.ANY_TAG);
    }

    /** Receives into {@code buf} from {@code source} with any tag. */
    public final Status recv(Buf buf, int source) {
        return recv(buf, source, MPI.ANY_TAG);
    }

    /**
     * Receives at most {@code buf}'s length into it ({@code MPI_Recv}); the status has the actual count. A longer
     * message is an {@link MpiException} ({@code MPI_ERR_TRUNCATE}); into a Java array it never writes past the
     * buffer, whatever the MPI library does (the message is matched first, {@code MPI_Mprobe}, and received into
     * native memory of its own size). From {@code PROC_NULL}: returns at once, {@code buf} may be null.
     */
    public final Status recv(Buf buf, int source, int tag) {
        long c = h();
        Buf b = peerBuf(buf, source, "recv");
        if (b == null) return NULL_STATUS;
        b.writable("recv");
        Scratch s = Scratch.get();
        if (b.isHeap()) {
            try (Stage st = Stage.open(Stage.need(b))) {
                return protectedRecv(st, s, b, source, tag, c, "MPI_Recv");
            }
        }
        MPI.check(LibMpi.recv(b.segment, count(b), type(b), peer(source), tag, c, s.status), "MPI_Recv");
        return status(s, b.type);
    }

    /**
     * Receives into a heap buffer without trusting MPI to respect its length: matches the message
     * ({@code MPI_Mprobe}), then receives it ({@code MPI_Mrecv}) into staging memory taken from {@code st} (which has
     * room for the buffer) when it fits, or else whole into a temporary block of its own size (so that the sender
     * completes) and reports it as {@code MPI_ERR_TRUNCATE}. The array is written only up to the message's length.
     */
    private static Status protectedRecv(Stage st, Scratch s, Buf b, int source, int tag, long c, String fn) {
        MemorySegment msg = s.message();
        int rc = LibMpi.mprobe(peer(source), tag, c, msg, s.status);
        if (rc != 0) throw MPI.error(rc, fn + " (MPI_Mprobe)");   // the name is built only on failure
        long bytes = MPI.abi().statusBytes(s.status);
        long cap = b.packedBytes();
        if (bytes > cap) {
            try (Stage whole = Stage.open(bytes)) {
                if (bytes > Integer.MAX_VALUE) throw new MpiException(fn + ": a message of " + bytes + " bytes", 0);
                MPI.check(LibMpi.mrecv(whole.take(bytes), (int) bytes, Datatype.BYTE.handle(MPI.abi()), msg, s.status),
                        fn + " (MPI_Mrecv)");
            }
            int code = MPI.abi().errTruncate();
            throw new MpiException(fn + " failed: " + MPI.errorString(code) + ": a message of " + bytes
                    + " bytes for a buffer of " + cap + " (error " + code + ")", code);
        }
        MemorySegment m = st.take(b.segment.byteSize());   // laid out as the buffer: a derived type's holes too
        rc = LibMpi.mrecv(m, count(b), type(b), msg, s.status);
        if (rc != 0) throw MPI.error(rc, fn + " (MPI_Mrecv)");
        if (bytes > 0) b.copySelected(m, b.segment, bytes);
        return status(s, b.type);
    }

    /** Sends to {@code dest} and receives from {@code source} at once, tags 0 ({@code MPI_Sendrecv}). */
    public final Status sendrecv(Buf sendbuf, int dest, Buf recvbuf, int source) {
        return sendrecv(sendbuf, dest, 0, recvbuf, source, MPI.ANY_TAG);
    }

    /**
     * {@code MPI_Sendrecv}: deadlock-free exchange; {@link MPI#PROC_NULL} peers make either half a no-op (and its
     * buffer may be null). The two buffers must not overlap (use {@link #sendrecvReplace}). Into a heap array the
     * receive is protected as in {@link #recv(Object, int, int)} (an {@code MPI_Isend}, the protected receive, then
     * {@code MPI_Wait}).
     */
    public final Status sendrecv(Buf sendbuf, int dest, int sendtag, Buf recvbuf, int source, int recvtag) {
        long c = h();
        Buf sb = peerBuf(sendbuf, dest, "sendrecv");
        Buf rb = peerBuf(recvbuf, source, "sendrecv");
        if (rb != null) {
            rb.writable("sendrecv");
            if (sb != null && sb.overlaps(rb)) {
                throw new IllegalArgumentException("sendrecv: the send and receive buffers overlap; use sendrecvReplace "
                        + "to send a buffer and receive into it");
            }
        }
        Scratch s = Scratch.get();
        if (rb != null && rb.isHeap()) return isendThenProtectedRecv(s, sb, dest, sendtag, rb, source, recvtag, c);
        try (Stage st = Stage.open(Stage.need(sb))) {
            MPI.check(LibMpi.sendrecv(st.in(sb), count(sb), type(sb), peer(dest), sendtag,
                    rb == null ? MemorySegment.NULL : rb.segment, count(rb), type(rb), peer(source), recvtag, c, s.status),
                    "MPI_Sendrecv");
        }
        return rb == null ? NULL_STATUS : status(s, rb.type);
    }

    private static Status isendThenProtectedRecv(Scratch s, Buf sb, int dest, int sendtag, Buf rb, int source,
                                                 int recvtag, long c) {
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment req = s.request();
            MPI.check(LibMpi.isend(st.in(sb), count(sb), type(sb), peer(dest), sendtag, c, req), "MPI_Sendrecv (MPI_Isend)");
            Status got = null;
            try {
                got = protectedRecv(st, s, rb, source, recvtag, c, "MPI_Sendrecv");
            } finally {
                // the send completes before its staging memory is reused, whatever the receive did
                int rc = LibMpi.wait(req, s.status2);
                if (got != null) MPI.check(rc, "MPI_Sendrecv (MPI_Wait)");
            }
            return got;
        }
    }

    /**
     * Sends {@code buf} to {@code dest} and replaces its contents with a message from {@code source}
     * ({@code MPI_Sendrecv_replace}); the message must fit {@code buf}.
     */
    public final Status sendrecvReplace(Buf buf, int dest, int sendtag, int source, int recvtag) {
        long c = h();
        Buf b = Buf.need(buf).writable("sendrecvReplace");
        Scratch s = Scratch.get();
        if (b.isHeap()) {
            // the outgoing copy is staged by isend's path; the receive goes straight into the (protected) array
            return isendThenProtectedRecv(s, b, dest, sendtag, b, source, recvtag, c);
        }
        MPI.check(LibMpi.sendrecvReplace(b.segment, b.count, type(b), peer(dest), sendtag, peer(source), recvtag, c, s.status),
                "MPI_Sendrecv_replace");
        return status(s, b.type);
    }

    /** Starts a send ({@code MPI_Isend}); an array is copied first, so it may be reused at once. */
    public final Request isend(Buf buf, int dest, int tag) {
        return Request.start(true, Buf.need(buf), dest, tag, h());
    }

    /** Starts a receive ({@code MPI_Irecv}); an array is filled when the request completes. */
    public final Request irecv(Buf buf, int source, int tag) {
        return Request.start(false, Buf.need(buf).writable("irecv"), source, tag, h());
    }

    /** Waits for a matching message without receiving it ({@code MPI_Probe}); count in bytes. */
    public final Status probe(int source, int tag) {
        long c = h();
        Scratch s = Scratch.get();
        MPI.check(LibMpi.probe(peer(source), tag, c, s.status), "MPI_Probe");
        return status(s, Datatype.BYTE);
    }

    /** Whether a matching message is waiting ({@code MPI_Iprobe}): its status (count in bytes), else null. */
    public final Status iprobe(int source, int tag) {
        long c = h();
        Scratch s = Scratch.get();
        MPI.check(LibMpi.iprobe(peer(source), tag, c, s.ints, s.status), "MPI_Iprobe");
        return s.intAt(0) == 0 ? null : status(s, Datatype.BYTE);
    }

    // ---------------------------------------------------------------- collectives (buffers)

    /** Starts a barrier ({@code MPI_Ibarrier}): the request completes once every rank has started it. */
    public final Request ibarrier() {
        long c = h();
        return Request.start("MPI_Ibarrier", null, null, false, (in, out, slot) -> LibMpi.ibarrier(c, slot));
    }

    /** Starts a broadcast of {@code buf} from {@code root} ({@code MPI_Ibcast}); other ranks' arrays fill on completion. */
    public final Request ibcast(Buf buf, int root) {
        long c = h();
        Buf b = Buf.need(buf);
        boolean atRoot = rank() == root;
        if (!atRoot) b.writable("ibcast");
        long t = type(b);
        return Request.start("MPI_Ibcast", b, atRoot ? null : b, !atRoot,
                (in, out, slot) -> LibMpi.ibcast(in, b.count, t, root, c, slot));
    }

    /** Starts an allreduce ({@code MPI_Iallreduce}); {@code recvbuf} holds the result once the request completes. */
    public final Request iallreduce(Buf sendbuf, Buf recvbuf, Op op) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = sameShape(sb, Buf.need(recvbuf), "iallreduce").writable("iallreduce");
        if (sb.segment.asOverlappingSlice(rb.segment).isPresent()) {
            throw new IllegalArgumentException("iallreduce: the send and receive buffers overlap");
        }
        long t = reductionType(sb), o = op.handle(MPI.abi());
        return Request.start("MPI_Iallreduce", sb, rb, false,
                (in, out, slot) -> LibMpi.iallreduce(in, out, sb.count, t, o, c, slot));
    }

    /** Waits until every rank has called it ({@code MPI_Barrier}). */
    public final void barrier() {
        MPI.check(LibMpi.barrier(h()), "MPI_Barrier");
    }

    /** Copies {@code buf} on {@code root} into {@code buf} on every rank ({@code MPI_Bcast}). */
    public final void bcast(Buf buf, int root) {
        long c = h();
        Buf b = Buf.need(buf);
        boolean atRoot = rank() == root;
        if (!atRoot) b.writable("bcast");
        try (Stage st = Stage.open(Stage.need(b))) {
            MemorySegment m = atRoot ? st.in(b) : st.out(b);
            MPI.check(LibMpi.bcast(m, b.count, type(b), root, c), "MPI_Bcast");
            if (!atRoot) Stage.back(m, b);
        }
    }

    /** Element-wise {@code op} of every rank's {@code sendbuf} into {@code recvbuf} on {@code root} (root only). */
    public final void reduce(Buf sendbuf, Buf recvbuf, Op op, int root) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = rank() == root ? sameShape(sb, Buf.need(recvbuf), "reduce").writable("reduce") : null;
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.reduce(in, out, sb.count, reductionType(sb), checkOp(op, sb, "reduce").handle(MPI.abi()), root,
                    c), "MPI_Reduce");
            UserOp.rethrowFailure("MPI_Reduce");
            Stage.back(out, rb);
        }
    }

    /** In-place reduce: on {@code root}, {@code buf} is replaced by the reduction; elsewhere it is only read. */
    public final void reduce(Buf buf, Op op, int root) {
        long c = h();
        Buf b = Buf.need(buf);
        boolean atRoot = rank() == root;
        if (atRoot) b.writable("reduce");
        try (Stage st = Stage.open(Stage.need(b))) {
            MemorySegment m = st.in(b);
            MPI.check(LibMpi.reduce(atRoot ? MPI.abi().inPlace() : m, atRoot ? m : MemorySegment.NULL,
                    b.count, reductionType(b), checkOp(op, b, "reduce").handle(MPI.abi()), root, c), "MPI_Reduce");
            UserOp.rethrowFailure("MPI_Reduce");
            if (atRoot) Stage.back(m, b);
        }
    }

    /** Element-wise {@code op} of every rank's {@code sendbuf}, into {@code recvbuf} on every rank. */
    public final void allreduce(Buf sendbuf, Buf recvbuf, Op op) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = sameShape(sb, Buf.need(recvbuf), "allreduce").writable("allreduce");
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.allreduce(in, out, sb.count, reductionType(sb), checkOp(op, sb, "allreduce").handle(MPI.abi()),
                    c), "MPI_Allreduce");
            UserOp.rethrowFailure("MPI_Allreduce");
            Stage.back(out, rb);
        }
    }

    /** In-place allreduce: {@code buf} is replaced by the reduction on every rank. */
    public final void allreduce(Buf buf, Op op) {
        long c = h();
        Buf b = Buf.need(buf).writable("allreduce");
        try (Stage st = Stage.open(Stage.need(b))) {
            MemorySegment m = st.in(b);
            MPI.check(LibMpi.allreduce(MPI.abi().inPlace(), m, b.count, reductionType(b),
                    checkOp(op, b, "allreduce").handle(MPI.abi()), c), "MPI_Allreduce");
            UserOp.rethrowFailure("MPI_Allreduce");
            Stage.back(m, b);
        }
    }

    /** Sum of one double over all ranks (a convenience for the common scalar case). */
    public final double allreduce(double x, Op op) {
        double[] a = {x};
        allreduce(a, op);
        return a[0];
    }

    /** Sum of one long over all ranks. */
    public final long allreduce(long x, Op op) {
        long[] a = {x};
        allreduce(a, op);
        return a[0];
    }

    /** Inclusive prefix reduction ({@code MPI_Scan}): rank r gets {@code op} over ranks 0..r. */
    public final void scan(Buf sendbuf, Buf recvbuf, Op op) {
        prefix(sendbuf, recvbuf, op, false);
    }

    /**
     * Exclusive prefix reduction ({@code MPI_Exscan}): rank r gets {@code op} over ranks 0..r-1; on rank 0 MPI
     * leaves {@code recvbuf} undefined (jhpc leaves it unchanged, as mpi4py's buffer form does).
     */
    public final void exscan(Buf sendbuf, Buf recvbuf, Op op) {
        prefix(sendbuf, recvbuf, op, true);
    }

    private void prefix(Buf sendbuf, Buf recvbuf, Op op, boolean exclusive) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        String fn = exclusive ? "MPI_Exscan" : "MPI_Scan";
        Buf rb = sameShape(sb, Buf.need(recvbuf), fn).writable(fn);
        boolean keep = exclusive && rank() == 0;
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = keep ? st.in(rb) : st.out(rb);
            long t = reductionType(sb), o = checkOp(op, sb, fn).handle(MPI.abi());
            MPI.check(exclusive ? LibMpi.exscan(in, out, sb.count, t, o, c) : LibMpi.scan(in, out, sb.count, t, o, c), fn);
            UserOp.rethrowFailure(fn);
            if (!keep) Stage.back(out, rb);
        }
    }

    /**
     * Reduces {@code sendbuf} (size × n elements) element-wise over the ranks and scatters it: rank r gets block r
     * (n elements) in {@code recvbuf} ({@code MPI_Reduce_scatter_block}).
     */
    public final void reduceScatterBlock(Buf sendbuf, Buf recvbuf, Op op) {
        long c = h();
        Buf rb = Buf.need(recvbuf).writable("reduceScatterBlock");
        Buf sb = blocks(rb, Buf.need(sendbuf), "reduceScatterBlock");
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.reduceScatterBlock(in, out, rb.count, reductionType(rb), op.handle(MPI.abi()), c),
                    "MPI_Reduce_scatter_block");
            Stage.back(out, rb);
        }
    }

    /**
     * MINLOC or MAXLOC over value–index pairs ({@code MPI_DOUBLE_INT}), in place: for each k, {@code values[k]}
     * becomes the smallest (largest) value over the ranks and {@code index[k]} the lowest index among the ranks
     * holding it (mpi4py: {@code allreduce((value, index), op=MPI.MINLOC)}).
     */
    public final void allreduceLoc(double[] values, int[] index, Op op) {
        if (op != Op.MINLOC && op != Op.MAXLOC) throw new IllegalArgumentException("allreduceLoc needs MINLOC or MAXLOC");
        if (values.length != index.length) throw new IllegalArgumentException("values and index differ in length");
        long c = h();
        int n = values.length;
        try (Stage st = Stage.open(16L * n + 16)) {
            MemorySegment m = st.take(16L * n);
            for (int k = 0; k < n; k++) {
                m.set(ValueLayout.JAVA_DOUBLE, 16L * k, values[k]);
                m.set(ValueLayout.JAVA_INT, 16L * k + 8, index[k]);
            }
            MPI.check(LibMpi.allreduce(MPI.abi().inPlace(), m, n, MPI.abi().handle(Predefined.DOUBLE_INT),
                    op.handle(MPI.abi()), c), "MPI_Allreduce");
            for (int k = 0; k < n; k++) {
                values[k] = m.get(ValueLayout.JAVA_DOUBLE, 16L * k);
                index[k] = m.get(ValueLayout.JAVA_INT, 16L * k + 8);
            }
        }
    }

    /** MINLOC or MAXLOC over (int value, int index) pairs ({@code MPI_2INT}), in place, as for doubles. */
    public final void allreduceLoc(int[] values, int[] index, Op op) {
        if (op != Op.MINLOC && op != Op.MAXLOC) throw new IllegalArgumentException("allreduceLoc needs MINLOC or MAXLOC");
        if (values.length != index.length) throw new IllegalArgumentException("values and index differ in length");
        long c = h();
        int n = values.length;
        try (Stage st = Stage.open(8L * n + 16)) {
            MemorySegment m = st.take(8L * n);
            for (int k = 0; k < n; k++) {
                m.set(ValueLayout.JAVA_INT, 8L * k, values[k]);
                m.set(ValueLayout.JAVA_INT, 8L * k + 4, index[k]);
            }
            MPI.check(LibMpi.allreduce(MPI.abi().inPlace(), m, n, MPI.abi().handle(Predefined.TWO_INT),
                    op.handle(MPI.abi()), c), "MPI_Allreduce");
            for (int k = 0; k < n; k++) {
                values[k] = m.get(ValueLayout.JAVA_INT, 8L * k);
                index[k] = m.get(ValueLayout.JAVA_INT, 8L * k + 4);
            }
        }
    }

    private static Buf sameShape(Buf send, Buf recv, String what) {
        if (recv.type != send.type) {
            throw new IllegalArgumentException(what + ": send and receive buffers have different types ("
                    + send.type + ", " + recv.type + ")");
        }
        if (recv.count < send.count) {
            throw new IllegalArgumentException(what + ": receive buffer holds " + recv.count + " elements, needs "
                    + send.count);
        }
        return recv;
    }

    /** Rank r's {@code sendbuf} lands in {@code recvbuf[r·n, (r+1)·n)} on {@code root} (root only). */
    public final void gather(Buf sendbuf, Buf recvbuf, int root) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = rank() == root ? blocks(sb, Buf.need(recvbuf), "gather").writable("gather") : null;
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.gather(in, sb.count, type(sb), out, sb.count, type(sb), root, c), "MPI_Gather");
            Stage.back(out, rb);
        }
    }

    /** Gather into every rank's {@code recvbuf}. */
    public final void allgather(Buf sendbuf, Buf recvbuf) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = blocks(sb, Buf.need(recvbuf), "allgather").writable("allgather");
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.allgather(in, sb.count, type(sb), out, sb.count, type(sb), c), "MPI_Allgather");
            Stage.back(out, rb);
        }
    }

    /** Block r of {@code sendbuf} on {@code root} (root only) lands in rank r's {@code recvbuf}. */
    public final void scatter(Buf sendbuf, Buf recvbuf, int root) {
        long c = h();
        Buf rb = Buf.need(recvbuf).writable("scatter");
        Buf sb = rank() == root ? blocks(rb, Buf.need(sendbuf), "scatter") : null;
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.scatter(in, rb.count, type(rb), out, rb.count, type(rb), root, c), "MPI_Scatter");
            Stage.back(out, rb);
        }
    }

    /**
     * Personalised all-to-all ({@code MPI_Alltoall}): both buffers hold size blocks of n = count / size elements;
     * block j of rank i's {@code sendbuf} lands in block i of rank j's {@code recvbuf}.
     */
    public final void alltoall(Buf sendbuf, Buf recvbuf) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = sameShape(sb, Buf.need(recvbuf), "alltoall").writable("alltoall");
        int n = size();
        if (sb.count % n != 0) {
            throw new IllegalArgumentException("alltoall: " + sb.count + " elements are not " + n + " equal blocks");
        }
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.alltoall(in, sb.count / n, type(sb), out, sb.count / n, type(sb), c), "MPI_Alltoall");
            Stage.back(out, rb);
        }
    }

    /**
     * Variable all-to-all ({@code MPI_Alltoallv}): rank i sends {@code sendcounts[j]} elements from
     * {@code sendbuf[sdispls[j]]} to rank j, which stores them at {@code recvbuf[rdispls[i]]}
     * ({@code recvcounts[i]} elements).
     */
    public final void alltoallv(Buf sendbuf, int[] sendcounts, int[] sdispls, Buf recvbuf, int[] recvcounts,
                                int[] rdispls) {
        long c = h();
        Buf sb = checkV(Buf.need(sendbuf), Buf.need(sendbuf).type, sendcounts, sdispls, "alltoallv");
        Buf rb = checkV(Buf.need(recvbuf), sb.type, recvcounts, rdispls, "alltoallv").writable("alltoallv");
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb) + 4 * Stage.need(sendcounts))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.alltoallv(in, st.ints(sendcounts), st.ints(sdispls), type(sb), out, st.ints(recvcounts),
                    st.ints(rdispls), type(sb), c), "MPI_Alltoallv");
            Stage.back(out, rb);
        }
    }

    private Buf blocks(Buf one, Buf all, String what) {
        if (all.type != one.type) throw new IllegalArgumentException(what + ": buffers have different types");
        if ((long) one.count * size() > all.count) {
            throw new IllegalArgumentException(what + ": root buffer holds " + all.count + " elements, needs "
                    + (long) one.count * size());
        }
        return all;
    }

    /**
     * Variable-size gather ({@code MPI_Gatherv}): rank r's {@code sendbuf} lands at {@code recvbuf[displs[r]]},
     * {@code counts[r]} elements (recvbuf, counts, displs: root only).
     */
    public final void gatherv(Buf sendbuf, Buf recvbuf, int[] counts, int[] displs, int root) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        boolean atRoot = rank() == root;
        Buf rb = atRoot ? checkV(Buf.need(recvbuf), sb.type, counts, displs, "gatherv").writable("gatherv") : null;
        int[] cs = atRoot ? counts : null, ds = atRoot ? displs : null;
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb) + Stage.need(cs) + Stage.need(ds))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.gatherv(in, sb.count, type(sb), out, st.ints(cs), st.ints(ds), type(sb), root, c),
                    "MPI_Gatherv");
            Stage.back(out, rb);
        }
    }

    /** Variable-size allgather ({@code MPI_Allgatherv}). */
    public final void allgatherv(Buf sendbuf, Buf recvbuf, int[] counts, int[] displs) {
        long c = h();
        Buf sb = Buf.need(sendbuf);
        Buf rb = checkV(Buf.need(recvbuf), sb.type, counts, displs, "allgatherv").writable("allgatherv");
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb) + Stage.need(counts) + Stage.need(displs))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.allgatherv(in, sb.count, type(sb), out, st.ints(counts), st.ints(displs), type(sb), c),
                    "MPI_Allgatherv");
            Stage.back(out, rb);
        }
    }

    /**
     * Variable-size scatter ({@code MPI_Scatterv}): rank r receives {@code counts[r]} elements from
     * {@code sendbuf[displs[r]]} (sendbuf, counts, displs: root only) into {@code recvbuf}.
     */
    public final void scatterv(Buf sendbuf, int[] counts, int[] displs, Buf recvbuf, int root) {
        long c = h();
        Buf rb = Buf.need(recvbuf).writable("scatterv");
        boolean atRoot = rank() == root;
        Buf sb = atRoot ? checkV(Buf.need(sendbuf), rb.type, counts, displs, "scatterv") : null;
        int[] cs = atRoot ? counts : null, ds = atRoot ? displs : null;
        try (Stage st = Stage.open(Stage.need(sb) + Stage.need(rb) + Stage.need(cs) + Stage.need(ds))) {
            MemorySegment in = st.in(sb), out = st.out(rb);
            MPI.check(LibMpi.scatterv(in, st.ints(cs), st.ints(ds), type(rb), out, rb.count, type(rb), root, c),
                    "MPI_Scatterv");
            Stage.back(out, rb);
        }
    }

    private Buf checkV(Buf b, Datatype t, int[] counts, int[] displs, String what) {
        if (b.type != t) throw new IllegalArgumentException(what + ": buffers have different types");
        int n = size();
        if (counts == null || displs == null || counts.length < n || displs.length < n) {
            throw new IllegalArgumentException(what + ": counts and displs need " + n + " entries");
        }
        for (int r = 0; r < n; r++) {
            if (counts[r] < 0 || displs[r] < 0 || (long) displs[r] + counts[r] > b.count) {
                throw new IllegalArgumentException(what + ": block " + r + " (displ " + displs[r] + ", count "
                        + counts[r] + ") lies outside the " + b.count + "-element buffer");
            }
        }
        return b;
    }

    // ---------------------------------------------------------------- objects (serialised)

    /** Sends any serialisable value ({@code comm.send(obj, dest, tag)} in mpi4py). */
    public final void sendObject(Object obj, int dest, int tag) {
        if (dest == MPI.PROC_NULL) return;
        send(ObjectCodec.encode(obj), dest, tag);
    }

    /** {@link #sendObject(Object, int, int)} with tag 0. */
    public final void sendObject(Object obj, int dest) {
        sendObject(obj, dest, 0);
    }

    /**
     * Receives one value sent by {@link #sendObject} ({@code comm.recv(source, tag)} in mpi4py); null at once from
     * {@link MPI#PROC_NULL}, as mpi4py returns None.
     */
    public final <T> T recvObject(int source, int tag) {
        if (source == MPI.PROC_NULL) return null;
        Status st = probe(source, tag);
        byte[] b = new byte[st.count()];
        recv(b, st.source(), st.tag());
        return ObjectCodec.decode(b, 0, b.length);
    }

    /** {@link #recvObject(int, int)} with any tag. */
    public final <T> T recvObject(int source) {
        return recvObject(source, MPI.ANY_TAG);
    }

    /** Sends {@code obj} to {@code dest} while receiving a value from {@code source}. */
    public final <T> T sendrecvObject(Object obj, int dest, int sendtag, int source, int recvtag) {
        Request r = dest == MPI.PROC_NULL ? null : isend(ObjectCodec.encode(obj), dest, sendtag);
        T got = source == MPI.PROC_NULL ? null : recvObject(source, recvtag);
        if (r != null) r.await();
        return got;
    }

    /** Returns {@code root}'s value on every rank; the root too gets a copy (its own object is never aliased). */
    public final <T> T bcastObject(T obj, int root) {
        long[] len = new long[1];
        byte[] b = null;
        if (rank() == root) {
            b = ObjectCodec.encode(obj);
            len[0] = b.length;
        }
        bcast(len, root);
        if (rank() != root) b = new byte[Math.toIntExact(len[0])];
        bcast(b, root);
        return ObjectCodec.decode(b, 0, b.length);
    }

    /** Every rank's value, in rank order, on {@code root}; null elsewhere. */
    public final <T> List<T> gatherObject(Object obj, int root) {
        byte[] mine = ObjectCodec.encode(obj);
        boolean atRoot = rank() == root;
        int n = size();
        int[] counts = atRoot ? new int[n] : null;
        gather(new int[] {mine.length}, counts, root);
        if (!atRoot) {
            gatherv(mine, null, null, null, root);
            return null;
        }
        int[] displs = displacements(counts);
        byte[] all = new byte[Math.toIntExact((long) displs[n - 1] + counts[n - 1])];
        gatherv(mine, all, counts, displs, root);
        return decodeAll(all, counts, displs);
    }

    /** Every rank's value, in rank order, on every rank. */
    public final <T> List<T> allgatherObject(Object obj) {
        byte[] mine = ObjectCodec.encode(obj);
        int n = size();
        int[] counts = new int[n];
        allgather(new int[] {mine.length}, counts);
        int[] displs = displacements(counts);
        byte[] all = new byte[Math.toIntExact((long) displs[n - 1] + counts[n - 1])];
        allgatherv(mine, all, counts, displs);
        return decodeAll(all, counts, displs);
    }

    /** Rank r receives {@code items.get(r)} from {@code root} ({@code items}: root only, one per rank). */
    public final <T> T scatterObject(List<? extends T> items, int root) {
        boolean atRoot = rank() == root;
        int n = size();
        byte[] all = null;
        int[] counts = null;
        int[] displs = null;
        if (atRoot) {
            if (items.size() != n) {
                throw new IllegalArgumentException("scatterObject needs one item per rank: " + n + ", got " + items.size());
            }
            List<byte[]> parts = new ArrayList<>(n);
            for (T t : items) parts.add(ObjectCodec.encode(t));
            counts = new int[n];
            for (int r = 0; r < n; r++) counts[r] = parts.get(r).length;
            displs = displacements(counts);
            all = new byte[Math.toIntExact((long) displs[n - 1] + counts[n - 1])];
            for (int r = 0; r < n; r++) System.arraycopy(parts.get(r), 0, all, displs[r], counts[r]);
        }
        int[] mine = new int[1];
        scatter(counts, mine, root);
        byte[] b = new byte[mine[0]];
        scatterv(all, counts, displs, b, root);
        return ObjectCodec.decode(b, 0, b.length);
    }

    /** Folds every rank's value with {@code op} in rank order, on {@code root} (null elsewhere). */
    public final <T> T reduceObject(T obj, BinaryOperator<T> op, int root) {
        List<T> all = gatherObject(obj, root);
        return all == null ? null : fold(all, op);
    }

    /** Folds every rank's value with {@code op} in rank order, on every rank. */
    public final <T> T allreduceObject(T obj, BinaryOperator<T> op) {
        return fold(allgatherObject(obj), op);
    }

    private static <T> T fold(List<T> all, BinaryOperator<T> op) {
        T acc = all.get(0);
        for (int i = 1; i < all.size(); i++) acc = op.apply(acc, all.get(i));
        return acc;
    }

    private static int[] displacements(int[] counts) {
        int[] d = new int[counts.length];
        long at = 0;
        for (int r = 0; r < counts.length; r++) {
            d[r] = Math.toIntExact(at);
            at += counts[r];
        }
        if (at > Integer.MAX_VALUE) throw new IllegalArgumentException("object messages exceed 2 GiB in total");
        return d;
    }

    private static <T> List<T> decodeAll(byte[] all, int[] counts, int[] displs) {
        List<T> out = new ArrayList<>(counts.length);
        for (int r = 0; r < counts.length; r++) out.add(ObjectCodec.decode(all, displs[r], counts[r]));
        return out;
    }

    // ---------------------------------------------------------------- new communicators

    /** A communicator with the same group and a separate message space ({@code MPI_Comm_dup}; collective). */
    public final Comm dup() {
        long c = h();
        return adopt(LibMpiOut.comm(out -> LibMpi.commDup(c, out), "MPI_Comm_dup"), name + ".dup");
    }

    /**
     * Splits this communicator by {@code color} ({@code MPI_Comm_split}; collective): ranks with the same color form
     * one new communicator, ordered by {@code key} then by their rank here. With {@code MPI.UNDEFINED} as color a
     * rank joins none and gets null.
     */
    public final Comm split(int color, int key) {
        long c = h();
        if (color < 0 && color != MPI.UNDEFINED) throw new IllegalArgumentException("split: color must be >= 0 or UNDEFINED");
        return adopt(LibMpiOut.comm(out -> LibMpi.commSplit(c, color, key, out), "MPI_Comm_split"),
                name + ".split(" + color + ")");
    }

    /** Wraps a new handle (null for MPI_COMM_NULL) with errors returned, not fatal. */
    private static Comm adopt(long nc, String name) {
        Abi abi = MPI.abi();
        if (nc == abi.commNull()) return null;
        MPI.check(LibMpi.commSetErrhandler(nc, abi.errorsReturn()), "MPI_Comm_set_errhandler");
        return new Comm(nc, name);
    }

    // ---------------------------------------------------------------- topology

    /**
     * A Cartesian communicator over this one ({@code MPI_Cart_create}): {@code dims[d]} processes along dimension
     * d (product ≤ size), periodic where {@code periods[d]}. Ranks left over get null.
     */
    public final CartComm cartCreate(int[] dims, boolean[] periods, boolean reorder) {
        long c = h();
        if (dims.length != periods.length) throw new IllegalArgumentException("dims and periods differ in length");
        int[] p = new int[periods.length];
        for (int i = 0; i < p.length; i++) p[i] = periods[i] ? 1 : 0;
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(abi.handleLayout());
            MPI.check(LibMpi.cartCreate(c, dims.length, a.allocateFrom(ValueLayout.JAVA_INT, dims),
                    a.allocateFrom(ValueLayout.JAVA_INT, p), reorder ? 1 : 0, out), "MPI_Cart_create");
            long nc = abi.readHandle(out, 0);
            if (nc == abi.commNull()) return null;
            MPI.check(LibMpi.commSetErrhandler(nc, abi.errorsReturn()), "MPI_Comm_set_errhandler");
            return new CartComm(nc, dims.clone(), periods.clone());
        }
    }

    /** Releases a communicator this program created ({@code MPI_Comm_free}); not for the predefined ones. */
    public void free() {
        Abi abi = MPI.abi();
        long x = h();
        if (x == abi.commWorld() || x == abi.commSelf()) throw new IllegalStateException("cannot free " + name);
        freed = true;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(abi.handleLayout());
            abi.writeHandle(slot, 0, x);
            MPI.check(LibMpi.commFree(slot), "MPI_Comm_free");
        }
        handle = abi.commNull();
    }

    /** Aborts every process of this communicator's job. */
    public final void abort(int errorCode) {
        LibMpi.abort(h(), errorCode);
    }

    static int[] ints(MemorySegment s, int n) {
        return s.asSlice(0, 4L * n).toArray(ValueLayout.JAVA_INT);
    }
}
