package jtorch.kernel.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws a picture off screen and encodes it as PNG. The first use switches AWT to headless mode
 * (the kernel has no display) unless the JVM was told otherwise; nothing here is loaded before a
 * cell draws its first figure.
 */
final class Png {
    /**
     * Pixels per point: pictures are drawn at twice their shown size and shown at their size
     * (metadata width/height), so lines and text stay sharp on high-density screens.
     */
    static final int SCALE = 2;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Something that draws itself into {@code width × height} points. */
    interface Drawing {
        void draw(Graphics2D g, int width, int height);
    }

    private Png() {}

    /** Loads this class, which makes AWT headless before the caller's first AWT use. */
    static void headless() {
        // the static initializer above does the work
    }

    static byte[] encode(Drawing drawing, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            drawing.draw(g, width, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            // measured on a 1280x840 loss plot: quality 0.5 gives 42 KB in 76 ms, the default 50 KB in
            // 97 ms, 0.0 (deflate level 9) 36 KB in 187 ms -- too slow for a live plot
            param.setCompressionQuality(0.5f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException ex) {
            throw new UncheckedIOException("PNG encoding failed", ex);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
