package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;
import org.jhpc.mpi.ffi.Predefined;

/**
 * A file opened by every rank of a communicator for parallel I/O (MPI-IO, mpi4py's {@code MPI.File}): each rank
 * sees the file through a view ({@link #setView}: a displacement in bytes, then a pattern of elements, e.g. its
 * tile of a global grid as a {@link DerivedType#subarray}), and the collective calls {@link #writeAtAll} /
 * {@link #readAtAll} move every rank's part at once, letting the library combine them into large requests.
 * Data are in the native representation (little-endian on x86-64 and aarch64). Close it with {@link #close()}.
 */
public final class File implements AutoCloseable {
    /** Access modes (combine with |): create if missing, read only, write only, read and write. */
    public static final int MODE_CREATE = Abi.MODE_CREATE, MODE_RDONLY = Abi.MODE_RDONLY,
            MODE_WRONLY = Abi.MODE_WRONLY, MODE_RDWR = Abi.MODE_RDWR;

    private final Comm comm;
    private final Path path;
    private long fh;   // MPI_File: a pointer in both ABIs

    private File(Comm comm, Path path, long fh) {
        this.comm = comm;
        this.path = path;
        this.fh = fh;
    }

    /** Opens {@code path} on every rank of {@code comm} ({@code MPI_File_open}; collective, same path everywhere). */
    public static File open(Comm comm, Path path, int amode) {
        long c = comm.h();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(ValueLayout.JAVA_LONG);
            MPI.check(LibMpi.fileOpen(c, a.allocateFrom(path.toString()), amode,
                    MPI.abi().handle(Predefined.INFO_NULL), slot), "MPI_File_open(" + path + ")");
            return new File(comm, path, slot.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    private long fh() {
        if (fh == 0) throw new IllegalStateException(path + " is closed");
        return fh;
    }

    /**
     * What this rank sees ({@code MPI_File_set_view}, collective, representation "native"): the file from byte
     * {@code disp} on, as elements of {@code filetype}'s element type, only those {@code filetype} selects, the
     * pattern repeating. Offsets of the read and write calls then count in elements of that view.
     */
    public void setView(long disp, DerivedType filetype) {
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MPI.check(LibMpi.fileSetView(fh(), disp, filetype.element().handle(abi), filetype.handle(),
                    a.allocateFrom("native"), abi.handle(Predefined.INFO_NULL)), "MPI_File_set_view");
        }
    }

    /** Sets the file's size in bytes ({@code MPI_File_set_size}, collective); new bytes read as zeros. */
    public void setSize(long bytes) {
        MPI.check(LibMpi.fileSetSize(fh(), bytes), "MPI_File_set_size");
    }

    /** Every rank writes {@code buf} at {@code offset} elements into its view ({@code MPI_File_write_at_all}). */
    public void writeAtAll(long offset, Buf buf) {
        Buf b = Buf.need(buf);
        Scratch s = Scratch.get();
        try (Stage st = Stage.open(Stage.need(b))) {
            MPI.check(LibMpi.fileWriteAtAll(fh(), offset, st.in(b), b.count, b.type.handle(MPI.abi()), s.status),
                    "MPI_File_write_at_all");
        }
    }

    /**
     * This rank alone writes {@code buf} at {@code offset} elements into its view ({@code MPI_File_write_at},
     * independent: no aggregation between ranks). With the default view the offset is in bytes.
     */
    public void writeAt(long offset, Buf buf) {
        Buf b = Buf.need(buf);
        Scratch s = Scratch.get();
        try (Stage st = Stage.open(Stage.need(b))) {
            MPI.check(LibMpi.fileWriteAt(fh(), offset, st.in(b), b.count, b.type.handle(MPI.abi()), s.status),
                    "MPI_File_write_at");
        }
    }

    /** {@link #writeAtAll(long, Buf)} of a whole array. */
    public void writeAtAll(long offset, double[] buf) {
        writeAtAll(offset, Buf.of(buf));
    }

    /** Every rank reads {@code buf}'s length at {@code offset} elements into its view ({@code MPI_File_read_at_all}). */
    public void readAtAll(long offset, Buf buf) {
        Buf b = Buf.need(buf).writable("readAtAll");
        Scratch s = Scratch.get();
        try (Stage st = Stage.open(Stage.need(b))) {
            MemorySegment m = st.out(b);
            MPI.check(LibMpi.fileReadAtAll(fh(), offset, m, b.count, b.type.handle(MPI.abi()), s.status),
                    "MPI_File_read_at_all");
            Stage.back(m, b);
        }
    }

    /** {@link #readAtAll(long, Buf)} into a whole array. */
    public void readAtAll(long offset, double[] buf) {
        readAtAll(offset, Buf.of(buf));
    }

    /** Closes the file on every rank ({@code MPI_File_close}, collective). */
    @Override
    public void close() {
        if (fh == 0) return;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(ValueLayout.JAVA_LONG);
            slot.set(ValueLayout.JAVA_LONG, 0, fh);
            fh = 0;
            MPI.check(LibMpi.fileClose(slot), "MPI_File_close");
        }
    }

    @Override
    public String toString() {
        return "File(" + path + " on " + comm + ")";
    }
}
