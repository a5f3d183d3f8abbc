package org.jhpc.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.UserError;

/** Writes a result set into its directory: bench.md, bench.csv and the charts, each file atomically. */
public final class Outputs {
    private Outputs() {}

    /** Creates {@code dir} when missing and fails with one line, before any work, when it cannot be written. */
    public static void requireWritableDir(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("cannot write " + dir + ": not a directory");
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot write " + dir + ": " + AtomicFiles.describe(e));
        }
        if (!Files.isWritable(dir)) throw new UserError("cannot write " + dir + ": directory is not writable");
    }

    /** The files written, in order. */
    public static List<Path> write(Results res, Path dir) {
        List<Path> written = new ArrayList<>();
        Path csv = dir.resolve("bench.csv");
        AtomicFiles.write(csv, out -> out.write(CsvReport.render(res).getBytes(StandardCharsets.UTF_8)));
        written.add(csv);
        List<Charts.Png> pngs = Charts.draw(res);
        for (Charts.Png png : pngs) {
            Path f = dir.resolve(png.name());
            AtomicFiles.write(f, out -> ImageIO.write(png.image(), "png", out));
            written.add(f);
        }
        Path md = dir.resolve("bench.md");
        String text = MarkdownReport.render(res, pngs.stream().map(Charts.Png::name).toList());
        AtomicFiles.write(md, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        written.add(0, md);
        return written;
    }
}
