package org.isotherm.lst;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The JPEG preview: 256 pixels on the longer side, each the mean of the LST pixels it covers (accumulated while the
 * scene streams by, so it costs no second pass), coloured like the quicklook; a cell less than half valid is grey.
 * Scenes smaller than the thumbnail are enlarged by repeating pixels.
 */
final class Thumbnail {

    static final int SIDE = 256;
    static final int NODATA_RGB = 0xC8C8C8;

    private final int width;
    private final int height;
    private final int thumbWidth;
    private final int thumbHeight;
    private final int cellsAcross;
    private final int cellsDown;
    private final long[] sums;
    private final int[] counts;
    private final int[] totals;

    Thumbnail(int width, int height) {
        this.width = width;
        this.height = height;
        double scale = (double) SIDE / Math.max(width, height);
        this.thumbWidth = Math.max(1, (int) Math.round(width * scale));
        this.thumbHeight = Math.max(1, (int) Math.round(height * scale));
        this.cellsAcross = Math.min(width, thumbWidth);
        this.cellsDown = Math.min(height, thumbHeight);
        this.sums = new long[cellsAcross * cellsDown];
        this.counts = new int[sums.length];
        this.totals = new int[sums.length];
    }

    /** Adds scene row {@code row}, stored LST values (little-endian uint16) from {@code band} at {@code at}. */
    void add(int row, byte[] band, int at) {
        int base = (int) ((long) row * cellsDown / height) * cellsAcross;
        for (int c = 0; c < width; c++) {
            int cell = base + (int) ((long) c * cellsAcross / width);
            int v = (band[at + 2 * c] & 0xff) | (band[at + 2 * c + 1] & 0xff) << 8;
            totals[cell]++;
            if (v != 0xffff) {
                sums[cell] += v;
                counts[cell]++;
            }
        }
    }

    byte[] jpeg(ColourMap colours) throws IOException {
        var image = new BufferedImage(thumbWidth, thumbHeight, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < thumbHeight; y++) {
            int cy = (int) ((long) y * cellsDown / thumbHeight);
            for (int x = 0; x < thumbWidth; x++) {
                int cell = cy * cellsAcross + (int) ((long) x * cellsAcross / thumbWidth);
                int n = counts[cell];
                int rgb = n == 0 || 2 * n < totals[cell] ? NODATA_RGB : colours.rgb((int) ((sums[cell] + n / 2) / n));
                image.setRGB(x, y, rgb);
            }
        }
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
