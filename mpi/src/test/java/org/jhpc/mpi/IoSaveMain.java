package org.jhpc.mpi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jhpc.core.Npy;

/**
 * diff2d's collective .npy save, reproduced on its own and repeated: an n × n grid of doubles (value = global
 * index + 1, the boundary 0) cut over a py × px grid of ranks (interior only, as diff2d cuts it); rank 0 writes the
 * header, every rank its block through a subarray file view ({@code MPI_File_write_at_all}); rank 0 compares the
 * file with the expected bytes. Arguments: {@code n iterations mode dir}; mode {@code holes} writes only the
 * interior blocks (the boundary never written, read back as the zeros of {@code MPI_File_set_size}), {@code full}
 * lets edge blocks take the boundary rows and columns too, so the views tile the whole data region. Prints
 * {@code bad K of N} (K iterations with a wrong file) and which bytes differed.
 */
public final class IoSaveMain {
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]), iters = Integer.parseInt(args[1]);
        boolean full = args[2].equals("full");
        Path dir = Path.of(args[3]);
        Comm w = MPI.COMM_WORLD;
        int rank = w.rank(), size = w.size();
        int[] dims = MPI.dimsCreate(size, 2);
        int py = dims[0], px = dims[1], cy = rank / px, cx = rank % px;
        int inner = n - 2;
        int r0 = 1 + start(inner, py, cy), h = start(inner, py, cy + 1) - start(inner, py, cy);
        int c0 = 1 + start(inner, px, cx), wd = start(inner, px, cx + 1) - start(inner, px, cx);
        if (full) {   // edge blocks take the boundary
            if (cy == 0) { r0--; h++; }
            if (cy == py - 1) h++;
            if (cx == 0) { c0--; wd++; }
            if (cx == px - 1) wd++;
        }
        double[] mine = new double[h * wd];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < wd; j++) mine[i * wd + j] = value(n, r0 + i, c0 + j);
        }
        byte[] header = Npy.header("<f8", new int[] {n, n});
        byte[] want = null;
        if (rank == 0) {
            ByteBuffer b = ByteBuffer.allocate(header.length + 8 * n * n).order(ByteOrder.LITTLE_ENDIAN);
            b.put(header);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b.putDouble(value(n, i, j));
            want = b.array();
        }
        int bad = 0;
        StringBuilder where = new StringBuilder();
        for (int it = 0; it < iters; it++) {
            Path f = dir.resolve("io" + it + ".npy");
            if (rank == 0) Files.write(f, header);
            w.barrier();
            try (File file = File.open(w, f, File.MODE_WRONLY);
                 DerivedType tile = DerivedType.subarray(new int[] {n, n}, new int[] {h, wd}, new int[] {r0, c0},
                         Datatype.DOUBLE)) {
                file.setSize(header.length + 8L * n * n);
                file.setView(header.length, tile);
                file.writeAtAll(0, mine);
            }
            w.barrier();
            if (rank == 0) {
                byte[] got = Files.readAllBytes(f);
                if (!Arrays.equals(got, want)) {
                    bad++;
                    where.append(" it").append(it).append(':').append(diff(got, want, header.length, n));
                }
                Files.delete(f);
            }
        }
        if (rank == 0) System.out.println("bad " + bad + " of " + iters + where);
        MPI.finish(0);
    }

    static double value(int n, int i, int j) {
        return i == 0 || j == 0 || i == n - 1 || j == n - 1 ? 0 : (double) i * n + j + 1;
    }

    static int start(int n, int parts, int k) {
        return k * (n / parts) + Math.min(k, n % parts);
    }

    static String diff(byte[] got, byte[] want, int hl, int n) {
        if (got.length != want.length) return "length " + got.length + " want " + want.length;
        int first = -1, last = -1, cnt = 0;
        for (int k = 0; k < got.length; k++) {
            if (got[k] != want[k]) {
                if (first < 0) first = k;
                last = k;
                cnt++;
            }
        }
        return "bytes " + cnt + " differ, doubles " + ((first - hl) / 8) + ".." + ((last - hl) / 8) + " (row "
                + (first - hl) / 8 / n + " to " + (last - hl) / 8 / n + ")";
    }
}
