package org.jhpc.mpi;

/**
 * The two ranks {@link CartComm#shift} finds: receive from {@code source}, send to {@code dest};
 * {@link MPI#PROC_NULL} beyond a non-periodic edge.
 */
public record Shift(int source, int dest) {}
