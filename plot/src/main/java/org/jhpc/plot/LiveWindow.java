package org.jhpc.plot;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.Testing;

/**
 * A window that shows the latest picture, like matplotlib's interactive mode in the tutorial's {@code plotdens}
 * ({@code plt.ion(); ... plt.pause(0.1)}). {@link #open} returns null and explains why when there is no display.
 * A test can have it capture what the X server shows in the window (through {@link Robot}) after the last
 * picture: the test hook {@link Testing#windowSnapshot()}.
 */
public final class LiveWindow implements AutoCloseable {
    private final JFrame frame;
    private final Panel panel = new Panel();
    private final long pauseMillis;

    private static final class Panel extends JPanel {
        private volatile BufferedImage image;

        Panel() {
            setPreferredSize(new Dimension(FieldImage.WIDTH, FieldImage.HEIGHT));
        }

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            BufferedImage img = image;
            if (img != null) g.drawImage(img, 0, 0, null);
        }
    }

    private LiveWindow(String title, long pauseMillis) throws InvocationTargetException, InterruptedException {
        this.pauseMillis = pauseMillis;
        JFrame[] holder = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            JFrame f = new JFrame(title);
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.setContentPane(panel);
            f.pack();
            f.setLocation(0, 0);
            f.setVisible(true);
            holder[0] = f;
        });
        frame = holder[0];
    }

    /** Why no window can be opened here, or null when a display is available. */
    public static String unavailableReason() {
        if (GraphicsEnvironment.isHeadless()) {
            String display = System.getenv("DISPLAY");
            if (display == null || display.isEmpty()) return "no display (DISPLAY is not set)";
            return "the JVM runs headless (java.awt.headless=true)";
        }
        return null;
    }

    /** Opens the window, or returns null after writing the reason to {@code why} (one line). */
    public static LiveWindow open(String title, long pauseMillis, java.io.PrintWriter why) {
        String reason = unavailableReason();
        if (reason == null) {
            try {
                return new LiveWindow(title, pauseMillis);
            } catch (Exception | Error e) {
                Throwable c = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                reason = "cannot open a window on display " + System.getenv("DISPLAY") + " (" + c.getMessage() + ")";
            }
        }
        why.println("jhpc: graphics requested but " + reason + "; continuing without a window");
        why.flush();
        return null;
    }

    /** Shows a picture and pauses briefly so that it can be seen (plt.pause). */
    public void show(BufferedImage img) {
        panel.image = img;
        try {
            SwingUtilities.invokeAndWait(panel::repaint);
            if (pauseMillis > 0) Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        Path snapshot = Testing.windowSnapshot().orElse(null);
        try {
            if (snapshot != null) {
                Thread.sleep(300);
                Point[] where = new Point[1];
                SwingUtilities.invokeAndWait(() -> where[0] = panel.getLocationOnScreen());
                BufferedImage shot = new Robot().createScreenCapture(
                        new Rectangle(where[0].x, where[0].y, panel.getWidth(), panel.getHeight()));
                AtomicFiles.write(snapshot, out -> FieldImage.writePng(shot, out));
            }
            SwingUtilities.invokeAndWait(frame::dispose);
        } catch (Exception e) {
            throw new IllegalStateException("closing the window: " + e, e);
        }
    }
}
