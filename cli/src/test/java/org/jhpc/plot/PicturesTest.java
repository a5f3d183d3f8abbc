package org.jhpc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jhpc.diffusion.Diff2dParams;
import org.jhpc.diffusion.Diff2dProblem;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG frames and the animated GIF, decoded and checked pixel by pixel against the field they show. */
class PicturesTest {
    @TempDir
    Path dir;

    /** The pixel (x, y) of the plot area that shows grid point (i, j) of an n × n grid. */
    static int[] pixelOf(int i, int j, int n) {
        int y = (int) Math.ceil(i * (double) FieldImage.SIDE / n);
        int x = (int) Math.ceil(j * (double) FieldImage.SIDE / n);
        return new int[] {FieldImage.LEFT + x, FieldImage.TOP + y};
    }

    static int rgb(BufferedImage img, int[] xy) {
        return img.getRGB(xy[0], xy[1]) & 0xffffff;
    }

    @Test
    void framesShowTheDensityInNipySpectral() throws Exception {
        Path frames = dir.resolve("frames");
        Cli.Result r = Cli.run("diff2d", "--set", "runtime=1.0", "--frames", frames.toString());
        assertEquals(0, r.code(), r.err());
        List<Path> files;
        try (var s = Files.list(frames)) {
            files = s.sorted().toList();
        }
        assertEquals(List.of("frame_00000.png", "frame_00001.png", "frame_00002.png"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        BufferedImage first = ImageIO.read(files.get(0).toFile());
        assertEquals(FieldImage.WIDTH, first.getWidth());
        assertEquals(FieldImage.HEIGHT, first.getHeight());
        Diff2dProblem p = new Diff2dProblem(Diff2dParams.defaults());
        assertEquals(1.0, p.initial(151, 151));                       // a peak at (x, y) = (5, 5)
        assertEquals(0xcccccc, rgb(first, pixelOf(151, 151, p.npnts)), "value 1 is nipy_spectral's grey");
        assertEquals(0x000000, rgb(first, pixelOf(101, 101, p.npnts)), "value 0 at the centre is black");
        assertEquals(Colormap.NIPY_SPECTRAL.argb(1 - 1.5 / FieldImage.SIDE, 0, 1) & 0xffffff,
                first.getRGB(FieldImage.LEFT + FieldImage.SIDE + 40, FieldImage.TOP + 1) & 0xffffff, "colorbar top");
        assertEquals(Colormap.NIPY_SPECTRAL.argb(0.5 / FieldImage.SIDE, 0, 1) & 0xffffff,
                first.getRGB(FieldImage.LEFT + FieldImage.SIDE + 40, FieldImage.TOP + FieldImage.SIDE - 1) & 0xffffff,
                "colorbar bottom");
        BufferedImage last = ImageIO.read(files.get(2).toFile());
        assertTrue(rgb(last, pixelOf(151, 151, p.npnts)) != 0xcccccc, "the peak has diffused by t = 0.995");
    }

    @Test
    void gifIsAnimatedAndLoops() throws Exception {
        Path gif = dir.resolve("run.gif");
        Cli.Result r = Cli.run("diff2d", "--set", "runtime=2.0", "--gif", gif.toString());
        assertEquals(0, r.code(), r.err());
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            BufferedImage f0 = reader.read(0);
            assertEquals(FieldImage.WIDTH, f0.getWidth());
            Diff2dProblem p = new Diff2dProblem(Diff2dParams.defaults());
            int peak = rgb(f0, pixelOf(151, 151, p.npnts));
            assertTrue(Math.abs(((peak >> 8) & 0xff) - 0xcc) < 24, "GIF palette keeps the grey peak: " + Integer.toHexString(peak));
        }
        String raw = new String(Files.readAllBytes(gif), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("NETSCAPE2.0"), "loop extension present");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void windowWithoutDisplaySaysWhy() throws Exception {
        Cli.Result r = Cli.runJvm(Map.of("DISPLAY", ""), List.of(), "diff2d", "--set", "dx=2", "--set", "runtime=1", "--window");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("graphics requested but no display (DISPLAY is not set); continuing without a window"), r.err());
        assertEquals("0.0\n1.0\n", r.out());   // dt = 1 > outtime, so nper = 1
    }
}
