package org.jhpc.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.UserError;

/**
 * An animated GIF written frame by frame through the JDK's GIF writer (each frame gets a graphic control extension
 * with its delay; the first also carries the NETSCAPE2.0 loop-forever extension). The file appears only on
 * {@link #commit()}; {@link #close()} without commit removes every trace.
 */
public final class AnimatedGif implements AutoCloseable {
    private final AtomicFiles.Pending pending;
    private final ImageWriter writer;
    private final ImageOutputStream ios;
    private final int delayCentis;
    private boolean first = true;

    public AnimatedGif(Path file, int delayMillis) {
        this.delayCentis = Math.max(1, delayMillis / 10);
        this.pending = AtomicFiles.open(file);
        try {
            this.writer = ImageIO.getImageWritersByFormatName("gif").next();
            // straight into the hidden temporary file: ImageIO.createImageOutputStream(stream) would cache the whole GIF
            // in java.io.tmpdir (imageioNNN.tmp), which a killed JVM leaves behind
            this.ios = new FileImageOutputStream(pending.temporary().toFile());
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
        } catch (IOException e) {
            pending.close();
            throw new UserError("cannot write " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    public void add(BufferedImage frame) {
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
            String fmt = meta.getNativeMetadataFormatName();
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
            IIOMetadataNode gce = child(root, "GraphicControlExtension");
            gce.setAttribute("disposalMethod", "none");
            gce.setAttribute("userInputFlag", "FALSE");
            gce.setAttribute("transparentColorFlag", "FALSE");
            gce.setAttribute("delayTime", Integer.toString(delayCentis));
            gce.setAttribute("transparentColorIndex", "0");
            if (first) {
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0});   // sub-block 1, loop count 0 = forever
                apps.appendChild(app);
                first = false;
            }
            meta.setFromTree(fmt, root);
            writer.writeToSequence(new IIOImage(frame, null, meta), param);
        } catch (IOException e) {
            throw new UserError("cannot write GIF frame: " + AtomicFiles.describe(e), e);
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    public void commit() {
        try {
            writer.endWriteSequence();
            ios.close();
        } catch (IOException e) {
            close();
            throw new UserError("cannot finish GIF: " + AtomicFiles.describe(e), e);
        }
        writer.dispose();
        pending.commit();
    }

    @Override
    public void close() {
        writer.dispose();
        try {
            ios.close();
        } catch (IOException ignored) {
            // discarded anyway
        }
        pending.close();
    }
}
