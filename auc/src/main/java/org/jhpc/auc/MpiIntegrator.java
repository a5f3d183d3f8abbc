package org.jhpc.auc;

import org.jhpc.core.Ranges;
import org.jhpc.core.UserError;
import org.jhpc.mpi.Comm;
import org.jhpc.mpi.MPI;
import org.jhpc.mpi.MpiException;

/**
 * The {@link PartialSum} kernel over the ranks of an MPI job (the slides' MPI hands-on): rank r sums piece r of
 * [0, ntot) ({@link Ranges}), and the partial sums are combined on rank 0 in rank order ({@code MPI_Gather} of one
 * double per rank, then a sum from rank 0 up), not with {@code MPI_Reduce}, whose order of additions is up to the
 * library. The result is therefore bit-identical to {@code --variant threads --threads N} for N ranks. Only rank 0
 * gets the area; the other ranks get NaN.
 */
public final class MpiIntegrator implements Integrator {
    private final PartialSum kernel = PartialSum.best();
    private final Comm comm;

    private MpiIntegrator(Comm comm) {
        this.comm = comm;
    }

    /** Joins {@code MPI.COMM_WORLD} (collective). */
    public static MpiIntegrator create() {
        if (!MPI.available()) throw new UserError("--variant mpi: MPI is not available: " + MPI.unavailableReason());
        try {
            MPI.init();
        } catch (MpiException e) {
            throw new UserError("--variant mpi: MPI could not start: " + e.getMessage(), e);
        }
        return new MpiIntegrator(MPI.COMM_WORLD);
    }

    public boolean isRoot() {
        return comm.rank() == 0;
    }

    @Override
    public double area(long ntot) {
        double dx = Integrand.dx(ntot);
        int size = comm.size();
        int rank = comm.rank();
        double mine = kernel.sum(Ranges.start(ntot, size, rank), Ranges.start(ntot, size, rank + 1), dx);
        double[] parts = rank == 0 ? new double[size] : null;
        comm.gather(new double[] {mine}, parts, 0);
        if (rank != 0) return Double.NaN;
        double total = parts[0];
        for (int r = 1; r < size; r++) total += parts[r];
        return total * dx;
    }

    @Override
    public String kernel() {
        return kernel.describe() + ", " + comm.size() + " MPI ranks";
    }
}
