package org.jhpc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live window on a real X server (Xvfb): what the server shows in the window after the run must be the last
 * picture, pixel for pixel (captured through java.awt.Robot by the -Djhpc.testing.window.snapshot hook).
 */
class WindowXvfbTest {
    @TempDir
    Path dir;

    @Test
    void windowShowsTheLastPicture() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/Xvfb").canExecute(),
                "SKIPPED: Xvfb is not installed (scripts/install-deps installs xvfb)");
        int display = 90 + (int) (ProcessHandle.current().pid() % 100);
        try (ChildProcess.Running xvfb = ChildProcess.of("/usr/bin/Xvfb", ":" + display, "-screen", "0", "800x600x24",
                "-nolisten", "tcp").start()) {
            Path socket = Path.of("/tmp/.X11-unix/X" + display);
            for (int i = 0; i < 100 && !Files.exists(socket); i++) Thread.sleep(50);
            Assumptions.assumeTrue(Files.exists(socket) && xvfb.isAlive(), "SKIPPED: Xvfb did not start");
            Path shot = dir.resolve("shot.png");
            Path frames = dir.resolve("frames");
            Cli.Result r = Cli.runJvm(Map.of("DISPLAY", ":" + display), List.of("-Djhpc.testing.window.snapshot=" + shot),
                    "diff2d", "--set", "runtime=1.0", "--set", "graphics=True", "--frames", frames.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(!r.err().contains("graphics requested"), r.err());
            BufferedImage seen = ImageIO.read(shot.toFile());
            BufferedImage last = ImageIO.read(frames.resolve("frame_00002.png").toFile());
            assertEquals(last.getWidth(), seen.getWidth());
            assertEquals(last.getHeight(), seen.getHeight());
            long same = 0;
            for (int y = 0; y < last.getHeight(); y++) {
                for (int x = 0; x < last.getWidth(); x++) {
                    if ((seen.getRGB(x, y) & 0xffffff) == (last.getRGB(x, y) & 0xffffff)) same++;
                }
            }
            double fraction = same / (double) (last.getWidth() * last.getHeight());
            assertTrue(fraction > 0.99, "window shows the last frame: " + fraction + " of pixels equal");
        }
    }
}
