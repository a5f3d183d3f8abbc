package org.jhpc.diffusion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.PyFloat;
import org.jhpc.core.UserError;
import org.jhpc.plot.AnimatedGif;
import org.jhpc.plot.Colormap;
import org.jhpc.plot.FieldImage;
import org.jhpc.plot.LiveWindow;

/**
 * The pictures of a diff2d run, one per printed time, drawn as the tutorial's {@code plotdens} draws them (vmin 0,
 * vmax 1, nipy_spectral, extent x1..x2): PNG frames in a directory ({@code frame_00000.png}, ...), an animated GIF,
 * and a live window. Each picture is rendered once and shared by every output.
 */
public final class Pictures implements Diff2dRun.Observer {
    private final FieldImage painter = new FieldImage(Colormap.NIPY_SPECTRAL, 0.0, 1.0);
    private final Path frames;
    private final AnimatedGif gif;
    private final LiveWindow window;
    private long written;

    private Pictures(Path frames, AnimatedGif gif, LiveWindow window) {
        this.frames = frames;
        this.gif = gif;
        this.window = window;
    }

    /** Frame files: {@code frame_NNNNN.png}, NNNNN = step / nper (the index of the printed time). */
    private static final java.util.regex.Pattern FRAME = java.util.regex.Pattern.compile("frame_([0-9]{5,})\\.png");

    /**
     * Creates the directory for frames if needed; an existing non-directory is an error, and so is a directory that
     * already holds frames this run would write ({@code frame_NNNNN.png} with NNNNN ≥ {@code firstIndex}): stale
     * frames of an earlier run are never mixed in silently nor deleted; the user removes them or picks another
     * directory. A resumed run starts at the frame after its checkpoint's, so the frames before it may stay.
     */
    public static void prepareDirectory(Path dir, long firstIndex) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--frames " + dir + " is not a directory");
        try {
            Files.createDirectories(dir);
            long stale = 0;
            String example = null;
            try (var list = Files.list(dir)) {
                for (Path f : (Iterable<Path>) list::iterator) {
                    var m = FRAME.matcher(f.getFileName().toString());
                    if (m.matches() && (m.group(1).length() > 18 || Long.parseLong(m.group(1)) >= firstIndex)) {
                        stale++;
                        if (example == null || f.getFileName().toString().compareTo(example) < 0) example = f.getFileName().toString();
                    }
                }
            }
            if (stale > 0) {
                throw new UserError("--frames " + dir + " already holds " + stale + " frame" + (stale == 1 ? "" : "s")
                        + " of an earlier run (" + example + (stale > 1 ? " ..." : "") + "); remove them or choose another directory");
            }
        } catch (IOException e) {
            throw new UserError("cannot create directory " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** The observers for the requested outputs (possibly none). */
    public static List<Diff2dRun.Observer> observers(Path frames, Path gif, boolean window, PrintWriter err) {
        return observers(frames, gif, window, err, 0);
    }

    /** As {@link #observers(Path, Path, boolean, PrintWriter)} for a run whose first frame has index {@code firstFrame}. */
    public static List<Diff2dRun.Observer> observers(Path frames, Path gif, boolean window, PrintWriter err, long firstFrame) {
        List<Diff2dRun.Observer> list = new ArrayList<>();
        if (frames != null) prepareDirectory(frames, firstFrame);
        LiveWindow w = window ? LiveWindow.open("jhpc diff2d", 100, err) : null;
        if (frames != null || gif != null || w != null) {
            list.add(new Pictures(frames, gif == null ? null : new AnimatedGif(gif, 200), w));
        }
        return list;
    }

    @Override
    public void output(Diff2dProblem p, long step, double simtime, Field f) {
        BufferedImage img = painter.render(f.size(), f::get, p.x(0), p.x(p.npnts - 1), "t = " + PyFloat.repr(simtime));
        if (frames != null) {
            Path file = frames.resolve(String.format(Locale.ROOT, "frame_%05d.png", step / p.nper));
            AtomicFiles.write(file, out -> FieldImage.writePng(img, out));
            written++;
        }
        if (gif != null) gif.add(img);
        if (window != null) window.show(img);
    }

    /** Frames written so far (each one whole). */
    public long framesWritten() {
        return written;
    }

    @Override
    public void finish() {
        if (gif != null) gif.commit();
        if (window != null) window.close();
    }

    @Override
    public void abort() {
        if (gif != null) gif.close();
        if (window != null) window.close();
    }
}
