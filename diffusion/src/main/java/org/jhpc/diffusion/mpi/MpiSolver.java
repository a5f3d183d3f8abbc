package org.jhpc.diffusion.mpi;

import java.io.IOException;
import java.nio.file.Path;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.Npy;
import org.jhpc.core.Testing;
import org.jhpc.core.UserError;
import org.jhpc.diffusion.Diff2dProblem;
import org.jhpc.diffusion.Field;
import org.jhpc.diffusion.RowKernel;
import org.jhpc.diffusion.Solver;
import org.jhpc.mpi.Buf;
import org.jhpc.mpi.CartComm;
import org.jhpc.mpi.Comm;
import org.jhpc.mpi.Datatype;
import org.jhpc.mpi.DerivedType;
import org.jhpc.mpi.File;
import org.jhpc.mpi.MPI;
import org.jhpc.mpi.MpiException;
import org.jhpc.mpi.Shift;

/**
 * diff2d over the ranks of an MPI job: the interior is cut into blocks over a 2-D Cartesian grid of ranks
 * ({@link Decomposition}); each rank keeps its block plus a one-point halo in a flat array and, every step, swaps
 * halo rows with its upper and lower neighbours and halo columns with its left and right ones ({@code sendrecv}
 * straight from and into the array: a row is a contiguous slice, a column an MPI vector datatype of {@code h}
 * single elements {@code w + 2} apart, so nothing is packed by hand), then updates its block with
 * the same row kernel as the serial variants. Each point therefore sees exactly the serial operands and the result
 * is bit-identical to the serial run. Halo cells on the domain's edge stay 0: the zero boundary.
 * {@link #density()} is collective: it gathers every block to rank 0 (other ranks get an empty field), for pictures;
 * {@link #save} writes the final field with MPI-IO instead, each rank its own block.
 */
public final class MpiSolver implements Solver {
    private static final int TAG_UP = 21, TAG_DOWN = 22, TAG_LEFT = 23, TAG_RIGHT = 24;

    private final Diff2dProblem p;
    private final Decomposition dec;
    private final Decomposition.Block me;
    private final CartComm cart;
    private final int rank;
    private final int h, w, stride;
    private final Shift vertical, horizontal;
    private final RowKernel kernel = RowKernel.best();
    /** One column of the block with its halo frame: h elements, a row (stride) apart. */
    private final DerivedType column;
    private final Testing.Failure fault;
    private final long paceMillis = Testing.pace();
    private double[] cur, next;
    private long step;
    private long haloNanos;
    private double[] full;

    /**
     * Builds the solver on {@code MPI.COMM_WORLD} (collective: every rank must call it). A test may make one rank
     * fail at a given step through {@link Testing#mpiFailure()}, or every rank go slowly ({@link Testing#pace()}).
     */
    public static MpiSolver create(Diff2dProblem p) {
        Testing.Failure fault = Testing.mpiFailure().orElse(NO_FAILURE);
        if (!MPI.available()) throw new UserError("--variant mpi: MPI is not available: " + MPI.unavailableReason());
        Comm world;
        try {
            MPI.init();
            world = MPI.COMM_WORLD;
        } catch (MpiException e) {
            throw new UserError("--variant mpi: MPI could not start: " + e.getMessage(), e);
        }
        Decomposition dec = Decomposition.of(p.nrows, p.nrows, world.size());
        if (fault.rank() >= world.size()) {
            throw new UserError("-D" + Testing.failureProperty() + ": rank " + fault.rank() + " but the job has only "
                    + world.size() + " ranks");
        }
        return new MpiSolver(p, dec, world.cartCreate(new int[] {dec.py(), dec.px()}, new boolean[2], false), fault);
    }

    private static final Testing.Failure NO_FAILURE = new Testing.Failure(-1, -1);

    private MpiSolver(Diff2dProblem p, Decomposition dec, CartComm cart, Testing.Failure fault) {
        this.p = p;
        this.dec = dec;
        this.cart = cart;
        this.rank = cart.rank();
        this.me = dec.block(rank);
        int[] c = cart.coords();
        if (c[0] != me.cy() || c[1] != me.cx()) {
            throw new IllegalStateException("MPI placed rank " + rank + " at " + c[0] + "," + c[1] + ", expected "
                    + me.cy() + "," + me.cx());
        }
        this.fault = fault;
        h = me.height();
        w = me.width();
        stride = w + 2;
        vertical = cart.shift(0, 1);    // source = the block above, dest = the block below
        horizontal = cart.shift(1, 1);  // source = the block to the left, dest = the block to the right
        column = DerivedType.vector(h, 1, stride, Datatype.DOUBLE);
        cur = new double[(h + 2) * stride];
        next = new double[cur.length];
        double[] row = new double[p.npnts];
        for (int i = 1; i <= h; i++) {
            p.initialRow(me.row0() + i - 1, row, 0);
            System.arraycopy(row, me.col0(), cur, i * stride + 1, w);
        }
    }

    public boolean isRoot() {
        return rank == 0;
    }

    /** Rank 0's value of {@code flag}, on every rank (collective). */
    public boolean fromRoot(boolean flag) {
        int[] f = {flag ? 1 : 0};
        cart.bcast(f, 0);
        return f[0] != 0;
    }

    /** The largest of every rank's {@code x} (collective: an allreduce(MAX) of one long). */
    public int allMax(int x) {
        return Math.toIntExact(cart.allreduce((long) x, org.jhpc.mpi.Op.MAX));
    }

    /** Returns once every rank has called it (collective). */
    public void barrier() {
        cart.barrier();
    }

    /** The number of ranks the grid is shared among. */
    public int ranks() {
        return cart.size();
    }

    /** Seconds this rank spent in halo exchanges so far. */
    public double haloSeconds() {
        return haloNanos * 1e-9;
    }

    @Override
    public void advance(long steps) {
        for (long s = 0; s < steps; s++) {
            if (rank == fault.rank() && step == fault.step()) {
                throw new IllegalStateException("injected failure: rank " + rank + " at step " + step);
            }
            if (paceMillis > 0) pause();
            long t0 = System.nanoTime();
            exchangeHalos();
            haloNanos += System.nanoTime() - t0;
            for (int i = 1; i <= h; i++) kernel.row(cur, next, stride, p.coef, i);
            double[] t = cur;
            cur = next;
            next = t;
            step++;
        }
    }

    private void pause() {
        try {
            Thread.sleep(paceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchangeHalos() {
        int up = vertical.source(), down = vertical.dest();
        int left = horizontal.source(), right = horizontal.dest();
        if (up != MPI.PROC_NULL || down != MPI.PROC_NULL) {   // (MPI_Sendrecv with two null peers still costs ~1 us)
            // my first row goes up; the row below my block comes from down
            cart.sendrecv(Buf.of(cur, stride + 1, w), up, TAG_UP, Buf.of(cur, (h + 1) * stride + 1, w), down, TAG_UP);
            // my last row goes down; the row above my block comes from up
            cart.sendrecv(Buf.of(cur, h * stride + 1, w), down, TAG_DOWN, Buf.of(cur, 1, w), up, TAG_DOWN);
        }
        if (left == MPI.PROC_NULL && right == MPI.PROC_NULL) return;
        // columns start at row 1 of the frame: column j is Buf.of(cur, stride + j, column)
        // my first column (j = 1) goes left; the halo column right of my block (j = w + 1) comes from right
        cart.sendrecv(Buf.of(cur, stride + 1, column), left, TAG_LEFT, Buf.of(cur, stride + w + 1, column), right, TAG_LEFT);
        // my last column (j = w) goes right; the halo column left of my block (j = 0) comes from left
        cart.sendrecv(Buf.of(cur, stride + w, column), right, TAG_RIGHT, Buf.of(cur, stride, column), left, TAG_RIGHT);
    }

    /**
     * Collective: writes the whole npnts × npnts density to {@code target} as a .npy file, byte for byte what a
     * serial run's {@code --save} writes, without gathering it anywhere. Rank 0 opens a pending output beside
     * {@code target} ({@link AtomicFiles}: umask permissions, removed on failure) and writes the header into it; every
     * rank then writes each row of its block with an independent, contiguous {@code MPI_File_write_at} at the row's
     * byte offset; rank 0 renames the file into place once every rank has closed it, so a failure leaves no partial
     * output.
     *
     * <p>The blocks of the ranks on the domain's edge include the zero boundary (their halo frame holds it), so the
     * rows tile the data region with no hole. Independent contiguous writes, not a collective write through a
     * subarray view: under Open MPI 4.1.4 (ompio) the collective version lost one aggregator's share of the file
     * now and then (with holes about a third of 3-rank runs; without holes once in about 30 runs on a 2 × 2 grid,
     * under load); see the mpi README.
     */
    public void save(Path target) {
        int n = p.npnts;
        byte[] header = Npy.header("<f8", new int[] {n, n});
        String[] tmpOrError = new String[2];
        AtomicFiles.Pending pending = null;
        if (rank == 0) {
            try {
                pending = AtomicFiles.open(target);
                pending.stream().write(header);
                pending.stream().flush();
                tmpOrError[0] = pending.temporary().toString();
            } catch (IOException | UserError e) {
                if (pending != null) pending.close();
                pending = null;
                tmpOrError[1] = e instanceof IOException io ? "cannot write " + target + ": " + AtomicFiles.describe(io)
                        : e.getMessage();
            }
        }
        String[] agreed = cart.bcastObject(rank == 0 ? tmpOrError : null, 0);
        if (agreed[1] != null) throw new UserError(agreed[1]);
        // my block of the file: my interior, with the boundary row or column where my block touches the edge
        int top = me.cy() == 0 ? 1 : 0, bottom = me.cy() == dec.py() - 1 ? 1 : 0;
        int leftEdge = me.cx() == 0 ? 1 : 0, rightEdge = me.cx() == dec.px() - 1 ? 1 : 0;
        int fh = h + top + bottom, fw = w + leftEdge + rightEdge;
        double[] mine = new double[fh * fw];
        for (int i = 0; i < fh; i++) System.arraycopy(cur, (1 - top + i) * stride + 1 - leftEdge, mine, i * fw, fw);
        boolean ok = false;
        try (File f = File.open(cart, Path.of(agreed[0]), File.MODE_WRONLY)) {
            // one independent, contiguous write per row of my block, at its byte offset in the row-major field
            for (int i = 0; i < fh; i++) {
                long at = header.length + ((long) (me.row0() - top + i) * n + me.col0() - leftEdge) * Double.BYTES;
                f.writeAt(at, Buf.of(mine, i * fw, fw));
            }
            ok = true;
        } finally {
            cart.barrier();   // every rank has closed the file
            if (pending != null) {
                if (ok) pending.commit();
                else pending.close();
            }
        }
    }

    /** Collective: the whole npnts × npnts density on rank 0, an empty (size 0) field on the others. */
    @Override
    public Field density() {
        double[] mine = new double[h * w];
        for (int i = 0; i < h; i++) System.arraycopy(cur, (i + 1) * stride + 1, mine, i * w, w);
        int n = p.npnts;
        if (rank != 0) {
            cart.gatherv(mine, null, null, null, 0);
            return Field.ofFlat(new double[0], 0);
        }
        int size = dec.size();
        int[] counts = new int[size];
        int[] displs = new int[size];
        long at = 0;
        for (int r = 0; r < size; r++) {
            counts[r] = dec.block(r).points();
            displs[r] = Math.toIntExact(at);
            at += counts[r];
        }
        double[] blocks = new double[Math.toIntExact(at)];
        cart.gatherv(mine, blocks, counts, displs, 0);
        if (full == null) full = new double[Math.toIntExact((long) n * n)];
        for (int r = 0; r < size; r++) {
            Decomposition.Block b = dec.block(r);
            for (int i = 0; i < b.height(); i++) {
                System.arraycopy(blocks, displs[r] + i * b.width(), full, (b.row0() + i) * n + b.col0(), b.width());
            }
        }
        return Field.ofFlat(full, n);
    }

    @Override
    public String kernel() {
        return "mpi " + dec.py() + "x" + dec.px() + " ranks (2-D blocks, sendrecv halos, vector-type columns), "
                + (org.jhpc.core.Simd.enabled() ? "simd" : "scalar") + " rows";
    }

    @Override
    public void close() {
        column.close();
        cart.free();
    }
}
