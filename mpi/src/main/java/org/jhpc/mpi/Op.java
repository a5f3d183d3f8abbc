package org.jhpc.mpi;

import org.jhpc.mpi.ffi.Abi;

/** Reduction operations (MPI's predefined ones): element-wise sum, product, minimum, maximum. */
public enum Op {
    SUM, PROD, MIN, MAX;

    long handle(Abi abi) {
        return switch (this) {
            case SUM -> abi.opSum();
            case PROD -> abi.opProd();
            case MIN -> abi.opMin();
            case MAX -> abi.opMax();
        };
    }
}
