package org.jhpc.mpi;

import org.jhpc.mpi.ffi.Abi;

/**
 * MPI's error classes (mpi4py's {@code MPI.ERR_RANK}, {@code MPI.ERR_TRUNCATE}, ...): what kind of error an
 * {@link MpiException} is ({@link MpiException#errorClass()}), whatever the library. Each constant holds the class's
 * number in Open MPI's {@code mpi.h} (4.1) and in MPICH's (4.0), which differ from {@code ERR_REQUEST} on
 * ({@code MPI_ERR_TRUNCATE} is 15 in one, 14 in the other); the classes both define are listed, in Open MPI's order.
 * The library's error code is turned into its class by {@code MPI_Error_class}, then into one of these.
 */
public enum ErrorClass {
    SUCCESS(0, 0),
    ERR_BUFFER(1, 1),
    ERR_COUNT(2, 2),
    ERR_TYPE(3, 3),
    ERR_TAG(4, 4),
    ERR_COMM(5, 5),
    ERR_RANK(6, 6),
    ERR_REQUEST(7, 19),
    ERR_ROOT(8, 7),
    ERR_GROUP(9, 8),
    ERR_OP(10, 9),
    ERR_TOPOLOGY(11, 10),
    ERR_DIMS(12, 11),
    ERR_ARG(13, 12),
    ERR_UNKNOWN(14, 13),
    ERR_TRUNCATE(15, 14),
    ERR_OTHER(16, 15),
    ERR_INTERN(17, 16),
    ERR_IN_STATUS(18, 17),
    ERR_PENDING(19, 18),
    ERR_ACCESS(20, 20),
    ERR_AMODE(21, 21),
    ERR_ASSERT(22, 53),
    ERR_BAD_FILE(23, 22),
    ERR_BASE(24, 46),
    ERR_CONVERSION(25, 23),
    ERR_DISP(26, 52),
    ERR_DUP_DATAREP(27, 24),
    ERR_FILE_EXISTS(28, 25),
    ERR_FILE_IN_USE(29, 26),
    ERR_FILE(30, 27),
    ERR_INFO_KEY(31, 29),
    ERR_INFO_NOKEY(32, 31),
    ERR_INFO_VALUE(33, 30),
    ERR_INFO(34, 28),
    ERR_IO(35, 32),
    ERR_KEYVAL(36, 48),
    ERR_LOCKTYPE(37, 47),
    ERR_NAME(38, 33),
    ERR_NO_MEM(39, 34),
    ERR_NOT_SAME(40, 35),
    ERR_NO_SPACE(41, 36),
    ERR_NO_SUCH_FILE(42, 37),
    ERR_PORT(43, 38),
    ERR_QUOTA(44, 39),
    ERR_READ_ONLY(45, 40),
    ERR_RMA_CONFLICT(46, 49),
    ERR_RMA_SYNC(47, 50),
    ERR_SERVICE(48, 41),
    ERR_SIZE(49, 51),
    ERR_SPAWN(50, 42),
    ERR_UNSUPPORTED_DATAREP(51, 43),
    ERR_UNSUPPORTED_OPERATION(52, 44),
    ERR_WIN(53, 45),
    ERR_RMA_RANGE(68, 55),
    ERR_RMA_ATTACH(69, 56),
    ERR_RMA_FLAVOR(70, 58),
    ERR_RMA_SHARED(71, 57);

    private final int openMpi, mpich;

    ErrorClass(int openMpi, int mpich) {
        this.openMpi = openMpi;
        this.mpich = mpich;
    }

    /** This class's number in the bound library (mpi4py's {@code MPI.ERR_...} value). */
    public int code() {
        return value(MPI.abi());
    }

    int value(Abi abi) {
        return abi.mpichNumbering() ? mpich : openMpi;
    }

    /** The constant for the library's class number {@code cls}, or {@link #ERR_UNKNOWN} for one not listed. */
    static ErrorClass of(Abi abi, int cls) {
        for (ErrorClass e : values()) if (e.value(abi) == cls) return e;
        return ERR_UNKNOWN;
    }
}
