package org.jhpc.mpi;

/**
 * What a receive (or probe) learnt: the sender's rank, the message's tag, and its size in elements of the datatype
 * it was received as (bytes for object messages).
 */
public record Status(int source, int tag, int count) {}
