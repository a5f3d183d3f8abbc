package org.jhpc.diffusion.mpi;

import org.jhpc.core.Ranges;
import org.jhpc.core.UserError;

/**
 * How diff2d's interior ({@code rows × cols} points, global indices 1..rows and 1..cols) is cut over a
 * {@code py × px} grid of ranks, numbered row-major as an MPI Cartesian communicator numbers them
 * ({@code rank = cy·px + cx}). Along each dimension the first {@code n mod parts} blocks get one point more than the
 * others ({@link Ranges}), so any rank count works, divisor of the grid or not.
 */
public record Decomposition(int rows, int cols, int py, int px) {

    /** One rank's block: interior rows {@code [row0, row0+height)} and columns {@code [col0, col0+width)}. */
    public record Block(int cy, int cx, int row0, int height, int col0, int width) {
        public int points() {
            return height * width;
        }
    }

    public Decomposition {
        if (py < 1 || px < 1 || py > rows || px > cols) {
            throw new IllegalArgumentException(py + "x" + px + " ranks do not fit " + rows + "x" + cols + " points");
        }
    }

    /**
     * The most nearly square {@code py × px = size} grid with {@code py ≥ px} (what {@code MPI_Dims_create} picks
     * in two dimensions) among those whose blocks are not empty; a user error when none fits.
     */
    public static Decomposition of(int rows, int cols, int size) {
        if (size < 1) throw new IllegalArgumentException("size must be >= 1, got " + size);
        for (int q = (int) Math.sqrt(size); q >= 1; q--) {
            if (size % q != 0) continue;
            int p = size / q;
            if (p <= rows && q <= cols) return new Decomposition(rows, cols, p, q);
            if (q <= rows && p <= cols) return new Decomposition(rows, cols, q, p);
        }
        throw new UserError(size + " MPI ranks are too many for a grid of " + rows + "x" + cols
                + " interior points (every rank needs at least one row and one column); use fewer ranks or a smaller dx");
    }

    public int size() {
        return py * px;
    }

    public Block block(int rank) {
        int cy = rank / px;
        int cx = rank % px;
        return new Block(cy, cx, 1 + Ranges.start(rows, py, cy), Ranges.length(rows, py, cy),
                1 + Ranges.start(cols, px, cx), Ranges.length(cols, px, cx));
    }
}
