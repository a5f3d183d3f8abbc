import org.jhpc.mpi.Comm;
import org.jhpc.mpi.MPI;
import org.jhpc.mpi.Op;

/**
 * Reference solution of the MPI exercise: every rank runs this same program; rank r of size takes the contiguous
 * index range [r*ntot/size, (r+1)*ntot/size), sums its points, and MPI_Reduce adds the partial sums on rank 0,
 * which alone prints. (mpi4py: comm.reduce(a, op=MPI.SUM, root=0).)
 *
 * Run: mpirun --oversubscribe --bind-to none -np 4 java -cp JHPC_JARS Solution.java 1000000000
 *      or ./jhpc exercise mpi-auc --check exercises/mpi-auc/Solution.java --ranks 4
 */
public class Solution {
    public static void main(String[] args) {
        long ntot = Long.parseLong(args[0]);
        MPI.init();
        Comm comm = MPI.COMM_WORLD;
        int rank = comm.rank(), size = comm.size();
        long i0 = ntot / size * rank + Math.min(rank, ntot % size);
        long i1 = ntot / size * (rank + 1) + Math.min(rank + 1, ntot % size);
        double dx = 3.0 / ntot;
        double a = 0;
        for (long i = i0; i < i1; i++) {
            double x = i * dx;
            a += (0.7 * x * x * x - 2 * x * x + 4) * dx;
        }
        double total = comm.allreduce(a, Op.SUM);
        if (rank == 0) System.out.printf("The area is %f%n", total);
        MPI.finish(0);
    }
}
