package org.isotherm.lst;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * Writes a Cloud Optimized GeoTIFF as a stream of 512-row bands, so that memory is bounded by one band per
 * resolution level, not by the scene. Each band is cut into 512 x 512 tiles, deflated (horizontal predictor) and
 * spilled to a temporary file per level; each overview (factor 2) is built from the level below as its bands pass
 * by. {@link #finish()} then writes the layout GDAL's COG validator checks: header, every IFD (main image first,
 * then the overviews by decreasing size, all before any pixel), then the tiles level by level, smallest overview
 * first and the full resolution last, row-major within a level. Classic TIFF while the file stays under 4 GiB,
 * BigTIFF above. No Java library does this: Apache SIS writes no overviews, {@code mil.nga:tiff} only strips.
 */
final class CogWriter implements Closeable {

    static final int TILE = 512;

    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int ASCII = 2;
    private static final int DOUBLE = 12;
    private static final int LONG8 = 16;
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;

    /** The sample layouts written here, each with the resampling its overviews need. */
    enum Format {
        /** One uint16 band, 65535 = nodata; overviews average the valid pixels. */
        UINT16(1, 2),
        /** RGB plus unassociated alpha, uint8; overviews average the colours of the opaque pixels. */
        RGBA8(4, 1),
        /** One uint8 band of classes, 0 = nodata; overviews take the most frequent valid class. */
        CLASSES8(1, 1);

        final int samples;
        final int bytesPerSample;

        Format(int samples, int bytesPerSample) {
            this.samples = samples;
            this.bytesPerSample = bytesPerSample;
        }

        int bytesPerPixel() {
            return samples * bytesPerSample;
        }
    }

    /**
     * Where the grid lies: the EPSG code (projected 326xx/327xx, or geographic 4xxx) and the upper-left corner of
     * the upper-left pixel, in that CRS's units.
     */
    record Georeference(int epsg, double originX, double originY, double pixelSize) {}

    record Written(long size, String sha256Hex) {}

    private final Path target;
    private final Format format;
    private final Georeference georeference;
    private @Nullable String gdalMetadata;
    private final @Nullable String nodata;
    private final int deflateLevel;
    private final @Nullable ExecutorService pool;
    private final List<Level> levels = new ArrayList<>();
    private boolean forceBigTiff;
    private boolean finished;

    CogWriter(
            Path target,
            int width,
            int height,
            Format format,
            Georeference georeference,
            @Nullable String gdalMetadata,
            @Nullable String nodata,
            int deflateLevel,
            @Nullable ExecutorService pool)
            throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + " x " + height);
        }
        this.target = target;
        this.format = format;
        this.georeference = georeference;
        this.gdalMetadata = gdalMetadata;
        this.nodata = nodata;
        this.deflateLevel = deflateLevel;
        this.pool = pool;
        int w = width;
        int h = height;
        try {
            levels.add(new Level(0, w, h, false));
            while (w > TILE || h > TILE) {
                w = (w + 1) / 2;
                h = (h + 1) / 2;
                levels.add(new Level(levels.size(), w, h, true));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Writes BigTIFF even when classic TIFF would do (tests, and readers that want to check both). */
    void forceBigTiff() {
        this.forceBigTiff = true;
    }

    /** Replaces the GDAL_METADATA text; until {@link #finish()}, so statistics known only at the end fit in. */
    void gdalMetadata(@Nullable String xml) {
        this.gdalMetadata = xml;
    }

    int width() {
        return levels.get(0).width;
    }

    int height() {
        return levels.get(0).height;
    }

    /** Number of reduced-resolution levels (overviews). */
    int overviews() {
        return levels.size() - 1;
    }

    /**
     * Appends the next {@code rows} full-resolution rows: pixel-interleaved, little-endian samples, {@code width}
     * pixels a row. Every call but the last gives exactly {@link #TILE} rows; {@code band} may be reused afterwards.
     */
    void append(byte[] band, int rows) throws IOException {
        var level = levels.get(0);
        int left = level.height - level.rowsDone;
        if (rows < 1 || rows > left || (rows < TILE && rows != left)) {
            throw new IllegalArgumentException(
                    "expected " + Math.min(TILE, left) + " rows, got " + rows + " (" + left + " left)");
        }
        emit(level, band, rows);
    }

    private void emit(Level level, byte[] band, int rows) throws IOException {
        level.writeTileRow(band, rows);
        int index = level.index + 1;
        if (index == levels.size()) {
            return;
        }
        var next = levels.get(index);
        int produced = (rows + 1) / 2;
        downsample(band, level.width, rows, next.band, next.bandRows, next.width);
        next.bandRows += produced;
        if (next.bandRows == TILE || next.rowsDone + next.bandRows == next.height) {
            int filled = next.bandRows;
            next.bandRows = 0;
            emit(next, next.band, filled);
        }
    }

    /** Halves {@code rows} rows of {@code src} into {@code dst} from row {@code dstRow}; odd edges pair with themselves. */
    private void downsample(byte[] src, int srcWidth, int rows, byte[] dst, int dstRow, int dstWidth) {
        int bpp = format.bytesPerPixel();
        for (int r = 0; r < (rows + 1) / 2; r++) {
            int r0 = 2 * r;
            int r1 = Math.min(r0 + 1, rows - 1);
            int row0 = r0 * srcWidth * bpp;
            int row1 = r1 * srcWidth * bpp;
            int out = (dstRow + r) * dstWidth * bpp;
            for (int x = 0; x < dstWidth; x++) {
                int c0 = 2 * x;
                int c1 = Math.min(c0 + 1, srcWidth - 1);
                int a = row0 + c0 * bpp;
                int b = row0 + c1 * bpp;
                int c = row1 + c0 * bpp;
                int d = row1 + c1 * bpp;
                int o = out + x * bpp;
                switch (format) {
                    case UINT16 -> averageUint16(src, a, b, c, d, dst, o);
                    case RGBA8 -> averageRgba(src, a, b, c, d, dst, o);
                    case CLASSES8 -> dst[o] = modeClass(src[a], src[b], src[c], src[d]);
                }
            }
        }
    }

    private static void averageUint16(byte[] s, int a, int b, int c, int d, byte[] dst, int o) {
        int va = (s[a] & 0xff) | (s[a + 1] & 0xff) << 8;
        int vb = (s[b] & 0xff) | (s[b + 1] & 0xff) << 8;
        int vc = (s[c] & 0xff) | (s[c + 1] & 0xff) << 8;
        int vd = (s[d] & 0xff) | (s[d + 1] & 0xff) << 8;
        int n = (va != 0xffff ? 1 : 0) + (vb != 0xffff ? 1 : 0) + (vc != 0xffff ? 1 : 0) + (vd != 0xffff ? 1 : 0);
        int sum = (va != 0xffff ? va : 0) + (vb != 0xffff ? vb : 0) + (vc != 0xffff ? vc : 0) + (vd != 0xffff ? vd : 0);
        int v = n == 0 ? 0xffff : (sum + n / 2) / n;
        dst[o] = (byte) v;
        dst[o + 1] = (byte) (v >>> 8);
    }

    private static void averageRgba(byte[] s, int a, int b, int c, int d, byte[] dst, int o) {
        int n = 0;
        for (int k = 0; k < 3; k++) {
            int sum = 0;
            n = 0;
            if (s[a + 3] != 0) {
                sum += s[a + k] & 0xff;
                n++;
            }
            if (s[b + 3] != 0) {
                sum += s[b + k] & 0xff;
                n++;
            }
            if (s[c + 3] != 0) {
                sum += s[c + k] & 0xff;
                n++;
            }
            if (s[d + 3] != 0) {
                sum += s[d + k] & 0xff;
                n++;
            }
            dst[o + k] = n == 0 ? 0 : (byte) ((sum + n / 2) / n);
        }
        dst[o + 3] = n == 0 ? 0 : (byte) 255;
    }

    /** The most frequent non-zero class of four; ties go to the first seen (top-left first). */
    static byte modeClass(byte a, byte b, byte c, byte d) {
        int ca = a == 0 ? 0 : 1 + (a == b ? 1 : 0) + (a == c ? 1 : 0) + (a == d ? 1 : 0);
        int cb = b == 0 ? 0 : 1 + (b == c ? 1 : 0) + (b == d ? 1 : 0);
        int cc = c == 0 ? 0 : 1 + (c == d ? 1 : 0);
        int cd = d == 0 ? 0 : 1;
        byte best = a;
        int bestCount = ca;
        if (cb > bestCount) {
            best = b;
            bestCount = cb;
        }
        if (cc > bestCount) {
            best = c;
            bestCount = cc;
        }
        if (cd > bestCount) {
            best = d;
        }
        return best;
    }

    private byte[] compressTile(byte[] band, int bandWidth, int rows, int tileX) {
        int bpp = format.bytesPerPixel();
        int x0 = tileX * TILE;
        int cols = Math.min(TILE, bandWidth - x0);
        int rowBytes = TILE * bpp;
        var tile = new byte[TILE * rowBytes];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(band, (r * bandWidth + x0) * bpp, tile, r * rowBytes, cols * bpp);
            predict(tile, r * rowBytes);
        }
        var deflater = new Deflater(deflateLevel);
        try {
            deflater.setInput(tile);
            deflater.finish();
            var out = new byte[tile.length / 4 + 1024];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    /** TIFF predictor 2: each sample minus the same sample of the pixel to its left, in place. */
    private void predict(byte[] tile, int start) {
        if (format.bytesPerSample == 2) {
            for (int i = start + 2 * (TILE - 1); i > start; i -= 2) {
                int cur = (tile[i] & 0xff) | (tile[i + 1] & 0xff) << 8;
                int prev = (tile[i - 2] & 0xff) | (tile[i - 1] & 0xff) << 8;
                int diff = cur - prev;
                tile[i] = (byte) diff;
                tile[i + 1] = (byte) (diff >>> 8);
            }
        } else {
            int spp = format.samples;
            for (int i = start + TILE * spp - 1; i >= start + spp; i--) {
                tile[i] -= tile[i - spp];
            }
        }
    }

    /** Writes the file from the spilled tiles; call once, after the last rows. */
    Written finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("finished already");
        }
        for (var level : levels) {
            if (level.rowsDone != level.height) {
                throw new IllegalStateException(
                        "level " + level.index + " has " + level.rowsDone + " of " + level.height + " rows");
            }
            level.out.close();
        }
        finished = true;
        long data = levels.stream().mapToLong(l -> l.spilled).sum();
        boolean big = forceBigTiff || layout(false, 0).end + data > CLASSIC_LIMIT;
        var sizing = layout(big, 0);
        var layout = layout(big, sizing.end);
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (var file = Files.newOutputStream(target);
                var digest = new DigestOutputStream(new BufferedOutputStream(file, 1 << 16), sha256)) {
            var header = ByteBuffer.allocate(big ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I').put((byte) 'I');
            if (big) {
                header.putShort((short) 43)
                        .putShort((short) 8)
                        .putShort((short) 0)
                        .putLong(16);
            } else {
                header.putShort((short) 42).putInt(8);
            }
            digest.write(header.array());
            for (var ifd : layout.ifds) {
                digest.write(ifd);
            }
            for (int i = levels.size() - 1; i >= 0; i--) {
                Files.copy(levels.get(i).spill, digest);
            }
            digest.flush();
            size = layout.end + data;
        }
        return new Written(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private record Layout(List<byte[]> ifds, long end) {}

    /** Serialises every IFD, the tiles' data starting at {@code dataStart} (0 while only sizes are wanted). */
    private Layout layout(boolean big, long dataStart) {
        var ifds = new ArrayList<byte[]>();
        long offset = big ? 16 : 8;
        var dataOffsets = new long[levels.size()];
        long next = dataStart;
        for (int i = levels.size() - 1; i >= 0; i--) {
            dataOffsets[i] = next;
            next += levels.get(i).spilled;
        }
        for (var level : levels) {
            var entries = entries(level, big, dataOffsets[level.index]);
            long size = ifdSize(entries, big);
            boolean last = level.index == levels.size() - 1;
            ifds.add(serialise(entries, big, offset, last ? 0 : offset + size));
            offset += size;
        }
        return new Layout(ifds, offset);
    }

    private record Entry(int tag, int type, long count, byte[] value) {}

    private List<Entry> entries(Level level, boolean big, long dataOffset) {
        var e = new ArrayList<Entry>();
        int spp = format.samples;
        e.add(longs(254, LONG, level.index == 0 ? 0 : 1));
        e.add(longs(256, LONG, level.width));
        e.add(longs(257, LONG, level.height));
        e.add(shorts(258, repeat(spp, format.bytesPerSample * 8)));
        e.add(shorts(259, 8));
        e.add(shorts(262, spp == 4 ? 2 : 1));
        e.add(shorts(277, spp));
        e.add(shorts(284, 1));
        e.add(shorts(317, 2));
        e.add(shorts(322, TILE));
        e.add(shorts(323, TILE));
        int tiles = level.tileSizes.length;
        var offsets = new long[tiles];
        long at = dataOffset;
        for (int t = 0; t < tiles; t++) {
            offsets[t] = at;
            at += level.tileSizes[t];
        }
        e.add(longs(324, big ? LONG8 : LONG, offsets));
        e.add(longs(325, LONG, Arrays.stream(level.tileSizes).asLongStream().toArray()));
        if (spp == 4) {
            e.add(shorts(338, 2));
        }
        e.add(shorts(339, repeat(spp, 1)));
        if (level.index == 0) {
            var g = georeference;
            e.add(doubles(33550, g.pixelSize(), g.pixelSize(), 0));
            e.add(doubles(33922, 0, 0, 0, g.originX(), g.originY(), 0));
            boolean geographic = g.epsg() >= 4000 && g.epsg() < 5000;
            e.add(shorts(
                    34735,
                    geographic
                            ? new int[] {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, g.epsg()}
                            : new int[] {
                                1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, g.epsg(), 3076, 0, 1, 9001
                            }));
            if (gdalMetadata != null) {
                e.add(ascii(42112, gdalMetadata));
            }
        }
        if (nodata != null) {
            e.add(ascii(42113, nodata));
        }
        return e;
    }

    private static int[] repeat(int n, int value) {
        var a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static Entry shorts(int tag, int... values) {
        var b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return new Entry(tag, SHORT, values.length, b.array());
    }

    private static Entry longs(int tag, int type, long... values) {
        var b = ByteBuffer.allocate(values.length * (type == LONG8 ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (type == LONG8) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return new Entry(tag, type, values.length, b.array());
    }

    private static Entry doubles(int tag, double... values) {
        var b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return new Entry(tag, DOUBLE, values.length, b.array());
    }

    private static Entry ascii(int tag, String text) {
        var bytes = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), text.length() + 1);
        return new Entry(tag, ASCII, bytes.length, bytes);
    }

    private static long ifdSize(List<Entry> entries, boolean big) {
        long size = big ? 8 + 20L * entries.size() + 8 : 2 + 12L * entries.size() + 4;
        int inline = big ? 8 : 4;
        for (var entry : entries) {
            if (entry.value.length > inline) {
                size += entry.value.length + (entry.value.length & 1);
            }
        }
        return size;
    }

    private static byte[] serialise(List<Entry> entries, boolean big, long offset, long nextIfd) {
        var buffer = ByteBuffer.allocate((int) ifdSize(entries, big)).order(ByteOrder.LITTLE_ENDIAN);
        int inline = big ? 8 : 4;
        int fixed = big ? 8 + 20 * entries.size() + 8 : 2 + 12 * entries.size() + 4;
        int overflow = fixed;
        if (big) {
            buffer.putLong(entries.size());
        } else {
            buffer.putShort((short) entries.size());
        }
        for (var entry : entries) {
            buffer.putShort((short) entry.tag).putShort((short) entry.type);
            if (big) {
                buffer.putLong(entry.count);
            } else {
                buffer.putInt((int) entry.count);
            }
            if (entry.value.length <= inline) {
                buffer.put(Arrays.copyOf(entry.value, inline));
            } else {
                if (big) {
                    buffer.putLong(offset + overflow);
                } else {
                    buffer.putInt((int) (offset + overflow));
                }
                buffer.put(overflow, entry.value);
                overflow += entry.value.length + (entry.value.length & 1);
            }
        }
        if (big) {
            buffer.putLong(nextIfd);
        } else {
            buffer.putInt((int) nextIfd);
        }
        return buffer.array();
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (var level : levels) {
            try {
                level.out.close();
                Files.deleteIfExists(level.spill);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One resolution level: its band being filled (overviews only), its spill file and the sizes of its tiles. */
    private final class Level {
        final int index;
        final int width;
        final int height;
        final int tilesAcross;
        final byte[] band;
        final int[] tileSizes;
        final Path spill;
        final OutputStream out;
        int bandRows;
        int rowsDone;
        int tilesDone;
        long spilled;

        Level(int index, int width, int height, boolean buffered) throws IOException {
            this.index = index;
            this.width = width;
            this.height = height;
            this.tilesAcross = (width + TILE - 1) / TILE;
            int tilesDown = (height + TILE - 1) / TILE;
            this.tileSizes = new int[tilesAcross * tilesDown];
            this.band = buffered ? new byte[TILE * width * format.bytesPerPixel()] : new byte[0];
            var dir = target.toAbsolutePath().getParent();
            this.spill = Files.createTempFile(dir, "." + target.getFileName() + ".level" + index + ".", ".spill");
            this.out = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
        }

        void writeTileRow(byte[] rowsOfTiles, int rows) throws IOException {
            var tasks = new ArrayList<Callable<byte[]>>(tilesAcross);
            for (int t = 0; t < tilesAcross; t++) {
                int tileX = t;
                tasks.add(() -> compressTile(rowsOfTiles, width, rows, tileX));
            }
            for (var tile : run(tasks)) {
                out.write(tile);
                tileSizes[tilesDone++] = tile.length;
                spilled += tile.length;
            }
            rowsDone += rows;
        }
    }

    private List<byte[]> run(List<Callable<byte[]>> tasks) throws IOException {
        var results = new ArrayList<byte[]>(tasks.size());
        try {
            if (pool == null || tasks.size() == 1) {
                for (var task : tasks) {
                    results.add(task.call());
                }
            } else {
                for (Future<byte[]> future : pool.invokeAll(tasks)) {
                    results.add(future.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing tiles", e);
        } catch (ExecutionException e) {
            throw new IOException("tile compression failed", e.getCause());
        } catch (Exception e) {
            throw new IOException("tile compression failed", e);
        }
        return results;
    }
}
