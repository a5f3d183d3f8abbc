package example;

import org.jhpc.mpi.Comm;
import org.jhpc.mpi.MPI;
import org.jhpc.mpi.Op;

/**
 * A first program on jhpc's MPI binding: every rank passes its rank to the right around a ring, then all ranks sum
 * their ranks. Rank 0 prints the library, the number of ranks and both results; with N ranks the sum is N(N-1)/2.
 */
public final class Ring {
    public static void main(String[] args) {
        Comm world = MPI.COMM_WORLD;
        int rank = world.rank(), size = world.size();
        int[] mine = {rank}, fromLeft = new int[1];
        world.sendrecv(mine, (rank + 1) % size, 0, fromLeft, (rank + size - 1) % size, 0);
        long sum = world.allreduce((long) rank, Op.SUM);
        if (rank == 0) {
            System.out.println("library: " + MPI.implementation());
            System.out.println("ranks: " + size);
            System.out.println("rank 0 got " + fromLeft[0] + " from the left; sum of ranks " + sum);
        }
        MPI.finish(0);
    }
}
