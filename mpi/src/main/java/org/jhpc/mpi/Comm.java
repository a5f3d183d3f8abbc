package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;

/**
 * A communicator, with mpi4py's methods under Java names. Buffer methods ({@code send}, {@code recv},
 * {@code bcast}, {@code reduce}, ...; mpi4py's uppercase {@code Send}, {@code Recv}, ...) move raw elements with no
 * serialisation; a buffer argument is a {@code double[]}, {@code long[]}, {@code int[]}, {@code byte[]},
 * {@link MemorySegment} or {@link Buf}, and its length is the element count. Object methods ({@code sendObject},
 * {@code recvObject}, {@code bcastObject}, ...; mpi4py's lowercase {@code send}, {@code recv}, ...) move any
 * {@link java.io.Serializable} value. Errors become {@link MpiException}s. Arguments marked "root only" are ignored
 * (and may be null) on other ranks.
 */
public class Comm {
    private volatile long handle;
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

    private static long type(Buf b) {
        return b.type.handle(MPI.abi());
    }

    /** The status in {@code s}, the count in elements of {@code t} (read from the status: no downcall). */
    private static Status status(Scratch s, Datatype t) {
        return Status.of(MPI.abi(), s.status, t);
    }

    // ---------------------------------------------------------------- point to point (buffers)

    /** Sends {@code buf} to {@code dest} with tag 0 ({@code MPI_Send}). */
    public final void send(Object buf, int dest) {
        send(buf, dest, 0);
    }

    /** Sends {@code buf} to {@code dest} ({@code MPI_Send}; blocks until the buffer may be reused). */
    public final void send(Object buf, int dest, int tag) {
        long c = h();
        Buf b = Buf.wrap(buf);
        MemorySegment m = b.segment;
        if (staged(b)) {
            MemorySegment stage = Scratch.get().stageOut;
            MemorySegment.copy(m, 0, stage, 0, m.byteSize());
            m = stage;
        }
        MPI.check(LibMpi.send(m, b.count, type(b), dest, tag, c), "MPI_Send");
    }

    /** Small heap messages go through native staging memory (see {@link Scratch}). */
    private static boolean staged(Buf b) {
        return b.isHeap() && b.segment.byteSize() <= Scratch.STAGE;
    }

    /** Copies what a staged receive got back into the array. */
    private static void unstage(Scratch s, Buf b) {
        long bytes = Math.min(MPI.abi().statusBytes(s.status), b.segment.byteSize());
        if (bytes > 0) MemorySegment.copy(s.stageIn, 0, b.segment, 0, bytes);
    }

    /** Receives into {@code buf} from any source with any tag. */
    public final Status recv(Object buf) {
        return recv(buf, MPI.ANY_SOURCE, MPI.ANY_TAG);
    }

    /** Receives into {@code buf} from {@code source} with any tag. */
    public final Status recv(Object buf, int source) {
        return recv(buf, source, MPI.ANY_TAG);
    }

    /** Receives at most {@code buf}'s length into it ({@code MPI_Recv}); the status has the actual count. */
    public final Status recv(Object buf, int source, int tag) {
        long c = h();
        Buf b = Buf.wrap(buf);
        Scratch s = Scratch.get();
        boolean staged = staged(b);
        MPI.check(LibMpi.recv(staged ? s.stageIn : b.segment, b.count, type(b), source, tag, c, s.status),
                "MPI_Recv");
        if (staged) unstage(s, b);
        return status(s, b.type);
    }

    /** Sends to {@code dest} and receives from {@code source} at once, tags 0 ({@code MPI_Sendrecv}). */
    public final Status sendrecv(Object sendbuf, int dest, Object recvbuf, int source) {
        return sendrecv(sendbuf, dest, 0, recvbuf, source, MPI.ANY_TAG);
    }

    /** {@code MPI_Sendrecv}: deadlock-free exchange; {@link MPI#PROC_NULL} peers make either half a no-op. */
    public final Status sendrecv(Object sendbuf, int dest, int sendtag, Object recvbuf, int source, int recvtag) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        Buf rb = Buf.wrap(recvbuf);
        Scratch s = Scratch.get();
        MemorySegment out = sb.segment;
        if (staged(sb)) {
            MemorySegment.copy(out, 0, s.stageOut, 0, out.byteSize());
            out = s.stageOut;
        }
        boolean stagedIn = staged(rb);
        MPI.check(LibMpi.sendrecv(out, sb.count, type(sb), dest, sendtag,
                stagedIn ? s.stageIn : rb.segment, rb.count, type(rb), source, recvtag, c, s.status),
                "MPI_Sendrecv");
        if (stagedIn) unstage(s, rb);
        return status(s, rb.type);
    }

    /** Starts a send ({@code MPI_Isend}); an array is copied first, so it may be reused at once. */
    public final Request isend(Object buf, int dest, int tag) {
        return Request.start(true, Buf.wrap(buf), dest, tag, h());
    }

    /** Starts a receive ({@code MPI_Irecv}); an array is filled when the request completes. */
    public final Request irecv(Object buf, int source, int tag) {
        return Request.start(false, Buf.wrap(buf), source, tag, h());
    }

    /** Waits for a matching message without receiving it ({@code MPI_Probe}); count in bytes. */
    public final Status probe(int source, int tag) {
        long c = h();
        Scratch s = Scratch.get();
        MPI.check(LibMpi.probe(source, tag, c, s.status), "MPI_Probe");
        return status(s, Datatype.BYTE);
    }

    // ---------------------------------------------------------------- collectives (buffers)

    /** Waits until every rank has called it ({@code MPI_Barrier}). */
    public final void barrier() {
        MPI.check(LibMpi.barrier(h()), "MPI_Barrier");
    }

    /** Copies {@code buf} on {@code root} into {@code buf} on every rank ({@code MPI_Bcast}). */
    public final void bcast(Object buf, int root) {
        long c = h();
        Buf b = Buf.wrap(buf);
        MPI.check(LibMpi.bcast(b.segment, b.count, type(b), root, c), "MPI_Bcast");
    }

    /** Element-wise {@code op} of every rank's {@code sendbuf} into {@code recvbuf} on {@code root} (root only). */
    public final void reduce(Object sendbuf, Object recvbuf, Op op, int root) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        Buf rb = rank() == root ? sameShape(sb, Buf.wrap(recvbuf), "reduce") : null;
        MPI.check(LibMpi.reduce(sb.segment, rb == null ? MemorySegment.NULL : rb.segment, sb.count, type(sb),
                op.handle(MPI.abi()), root, c), "MPI_Reduce");
    }

    /** In-place reduce: on {@code root}, {@code buf} is replaced by the reduction; elsewhere it is only read. */
    public final void reduce(Object buf, Op op, int root) {
        long c = h();
        Buf b = Buf.wrap(buf);
        boolean atRoot = rank() == root;
        MPI.check(LibMpi.reduce(atRoot ? MPI.abi().inPlace() : b.segment, atRoot ? b.segment : MemorySegment.NULL,
                b.count, type(b), op.handle(MPI.abi()), root, c), "MPI_Reduce");
    }

    /** Element-wise {@code op} of every rank's {@code sendbuf}, into {@code recvbuf} on every rank. */
    public final void allreduce(Object sendbuf, Object recvbuf, Op op) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        Buf rb = sameShape(sb, Buf.wrap(recvbuf), "allreduce");
        MPI.check(LibMpi.allreduce(sb.segment, rb.segment, sb.count, type(sb), op.handle(MPI.abi()), c),
                "MPI_Allreduce");
    }

    /** In-place allreduce: {@code buf} is replaced by the reduction on every rank. */
    public final void allreduce(Object buf, Op op) {
        long c = h();
        Buf b = Buf.wrap(buf);
        MPI.check(LibMpi.allreduce(MPI.abi().inPlace(), b.segment, b.count, type(b), op.handle(MPI.abi()), c),
                "MPI_Allreduce");
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

    private static Buf sameShape(Buf send, Buf recv, String what) {
        if (recv.type != send.type) {
            throw new IllegalArgumentException(what + ": send and receive buffers have different types");
        }
        if (recv.count < send.count) {
            throw new IllegalArgumentException(what + ": receive buffer holds " + recv.count + " elements, needs "
                    + send.count);
        }
        return recv;
    }

    /** Rank r's {@code sendbuf} lands in {@code recvbuf[r·n, (r+1)·n)} on {@code root} (root only). */
    public final void gather(Object sendbuf, Object recvbuf, int root) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        Buf rb = rank() == root ? blocks(sb, Buf.wrap(recvbuf), "gather") : null;
        MPI.check(LibMpi.gather(sb.segment, sb.count, type(sb), rb == null ? MemorySegment.NULL : rb.segment,
                sb.count, type(sb), root, c), "MPI_Gather");
    }

    /** Gather into every rank's {@code recvbuf}. */
    public final void allgather(Object sendbuf, Object recvbuf) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        Buf rb = blocks(sb, Buf.wrap(recvbuf), "allgather");
        MPI.check(LibMpi.allgather(sb.segment, sb.count, type(sb), rb.segment, sb.count, type(sb), c),
                "MPI_Allgather");
    }

    /** Block r of {@code sendbuf} on {@code root} (root only) lands in rank r's {@code recvbuf}. */
    public final void scatter(Object sendbuf, Object recvbuf, int root) {
        long c = h();
        Buf rb = Buf.wrap(recvbuf);
        Buf sb = rank() == root ? blocks(rb, Buf.wrap(sendbuf), "scatter") : null;
        MPI.check(LibMpi.scatter(sb == null ? MemorySegment.NULL : sb.segment, rb.count, type(rb),
                rb.segment, rb.count, type(rb), root, c), "MPI_Scatter");
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
    public final void gatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs, int root) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        boolean atRoot = rank() == root;
        Buf rb = atRoot ? checkV(Buf.wrap(recvbuf), sb.type, counts, displs, "gatherv") : null;
        MPI.check(LibMpi.gatherv(sb.segment, sb.count, type(sb), atRoot ? rb.segment : MemorySegment.NULL,
                atRoot ? MemorySegment.ofArray(counts) : MemorySegment.NULL,
                atRoot ? MemorySegment.ofArray(displs) : MemorySegment.NULL, type(sb), root, c), "MPI_Gatherv");
    }

    /** Variable-size allgather ({@code MPI_Allgatherv}). */
    public final void allgatherv(Object sendbuf, Object recvbuf, int[] counts, int[] displs) {
        long c = h();
        Buf sb = Buf.wrap(sendbuf);
        Buf rb = checkV(Buf.wrap(recvbuf), sb.type, counts, displs, "allgatherv");
        MPI.check(LibMpi.allgatherv(sb.segment, sb.count, type(sb), rb.segment, MemorySegment.ofArray(counts),
                MemorySegment.ofArray(displs), type(sb), c), "MPI_Allgatherv");
    }

    /**
     * Variable-size scatter ({@code MPI_Scatterv}): rank r receives {@code counts[r]} elements from
     * {@code sendbuf[displs[r]]} (sendbuf, counts, displs: root only) into {@code recvbuf}.
     */
    public final void scatterv(Object sendbuf, int[] counts, int[] displs, Object recvbuf, int root) {
        long c = h();
        Buf rb = Buf.wrap(recvbuf);
        boolean atRoot = rank() == root;
        Buf sb = atRoot ? checkV(Buf.wrap(sendbuf), rb.type, counts, displs, "scatterv") : null;
        MPI.check(LibMpi.scatterv(atRoot ? sb.segment : MemorySegment.NULL,
                atRoot ? MemorySegment.ofArray(counts) : MemorySegment.NULL,
                atRoot ? MemorySegment.ofArray(displs) : MemorySegment.NULL, type(rb),
                rb.segment, rb.count, type(rb), root, c), "MPI_Scatterv");
    }

    private Buf checkV(Buf b, Datatype t, int[] counts, int[] displs, String what) {
        if (b.type != t) throw new IllegalArgumentException(what + ": buffers have different types");
        int n = size();
        if (counts.length < n || displs.length < n) {
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
        send(ObjectCodec.encode(obj), dest, tag);
    }

    public final void sendObject(Object obj, int dest) {
        sendObject(obj, dest, 0);
    }

    /** Receives one value sent by {@link #sendObject} ({@code comm.recv(source, tag)} in mpi4py). */
    public final <T> T recvObject(int source, int tag) {
        Status st = probe(source, tag);
        byte[] b = new byte[st.count()];
        recv(b, st.source(), st.tag());
        return ObjectCodec.decode(b, 0, b.length);
    }

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

    /** Returns {@code root}'s value on every rank. */
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
        return rank() == root ? obj : ObjectCodec.decode(b, 0, b.length);
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
            MPI.check(LibMpi.cartCreate(c, dims.length, MemorySegment.ofArray(dims.clone()), MemorySegment.ofArray(p),
                    reorder ? 1 : 0, out), "MPI_Cart_create");
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
