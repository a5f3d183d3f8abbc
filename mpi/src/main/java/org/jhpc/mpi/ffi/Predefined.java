package org.jhpc.mpi.ffi;

/**
 * MPI's predefined handles that jhpc uses, one row per C name (without {@code MPI_}), with how each implementation
 * spells it in binary: Open MPI's handle is the address of the exported global named here; MPICH's is the integer
 * constant from its {@code mpi.h} (4.x; these values are part of MPICH's stable ABI, shared by Intel MPI, MVAPICH
 * and Cray MPICH).
 */
public enum Predefined {
    COMM_WORLD("ompi_mpi_comm_world", 0x44000000),
    COMM_SELF("ompi_mpi_comm_self", 0x44000001),
    COMM_NULL("ompi_mpi_comm_null", 0x04000000),
    REQUEST_NULL("ompi_request_null", 0x2c000000),
    MESSAGE_NULL("ompi_message_null", 0x2c000000),
    ERRORS_RETURN("ompi_mpi_errors_return", 0x54000001),
    INFO_NULL("ompi_mpi_info_null", 0x1c000000),
    DATATYPE_NULL("ompi_mpi_datatype_null", 0x0c000000),
    OP_NULL("ompi_mpi_op_null", 0x18000000),
    DOUBLE("ompi_mpi_double", 0x4c00080b),
    FLOAT("ompi_mpi_float", 0x4c00040a),
    INT64_T("ompi_mpi_int64_t", 0x4c00083a),
    INT("ompi_mpi_int", 0x4c000405),
    INT16_T("ompi_mpi_int16_t", 0x4c000238),
    UINT16_T("ompi_mpi_uint16_t", 0x4c00023c),
    BYTE("ompi_mpi_byte", 0x4c00010d),
    INT8_T("ompi_mpi_int8_t", 0x4c000137),
    C_FLOAT_COMPLEX("ompi_mpi_c_float_complex", 0x4c000840),
    C_DOUBLE_COMPLEX("ompi_mpi_c_double_complex", 0x4c001041),
    DOUBLE_INT("ompi_mpi_double_int", 0x8c000001),
    TWO_INT("ompi_mpi_2int", 0x4c000816),
    SUM("ompi_mpi_op_sum", 0x58000003),
    PROD("ompi_mpi_op_prod", 0x58000004),
    MIN("ompi_mpi_op_min", 0x58000002),
    MAX("ompi_mpi_op_max", 0x58000001),
    MINLOC("ompi_mpi_op_minloc", 0x5800000b),
    MAXLOC("ompi_mpi_op_maxloc", 0x5800000c),
    BAND("ompi_mpi_op_band", 0x58000006),
    BOR("ompi_mpi_op_bor", 0x58000008),
    BXOR("ompi_mpi_op_bxor", 0x5800000a),
    LAND("ompi_mpi_op_land", 0x58000005),
    LOR("ompi_mpi_op_lor", 0x58000007);

    /** The Open MPI global whose address is the handle. */
    final String openMpiSymbol;
    /** MPICH's integer handle. */
    final int mpichValue;

    Predefined(String openMpiSymbol, int mpichValue) {
        this.openMpiSymbol = openMpiSymbol;
        this.mpichValue = mpichValue;
    }
}
