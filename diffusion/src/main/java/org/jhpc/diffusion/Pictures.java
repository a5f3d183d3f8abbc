package org.jhpc.diffusion;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
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
    private int index;

    private Pictures(Path frames, AnimatedGif gif, LiveWindow window) {
        this.frames = frames;
        this.gif = gif;
        this.window = window;
    }

    /** Creates the directory for frames if needed; an existing non-directory is an error. */
    public static void prepareDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--frames " + dir + " is not a directory");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create directory " + dir + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** The observers for the requested outputs (possibly none). */
    public static List<Diff2dRun.Observer> observers(Path frames, Path gif, boolean window, PrintWriter err) {
        List<Diff2dRun.Observer> list = new ArrayList<>();
        LiveWindow w = window ? LiveWindow.open("jhpc diff2d", 100, err) : null;
        if (frames != null || gif != null || w != null) {
            if (frames != null) prepareDirectory(frames);
            list.add(new Pictures(frames, gif == null ? null : new AnimatedGif(gif, 200), w));
        }
        return list;
    }

    @Override
    public void output(Diff2dProblem p, long step, double simtime, Field f) {
        BufferedImage img = painter.render(f.size(), f::get, p.x(0), p.x(p.npnts - 1), "t = " + PyFloat.repr(simtime));
        if (frames != null) {
            Path file = frames.resolve(String.format(Locale.ROOT, "frame_%05d.png", index));
            AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
        }
        if (gif != null) gif.add(img);
        if (window != null) window.show(img);
        index++;
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
