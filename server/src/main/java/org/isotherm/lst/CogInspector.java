package org.isotherm.lst;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a (Big)TIFF in either byte order, its IFD chain and GeoKeys, and checks the layout rules of
 * GDAL's {@code validate_cloud_optimized_geotiff.py}: the main IFD at the start (after GDAL's optional structural
 * metadata), IFDs by increasing offset and decreasing size before any image data, the smallest overview's data
 * first and the full resolution's last, tiles once the image is larger than 512 pixels. Reads only headers, never
 * pixels, so an upload of any size is checked in milliseconds.
 */
public final class CogInspector {

    private static final int MAX_IFDS = 64;
    private static final int MAX_ENTRIES = 4096;
    private static final String GHOST = "GDAL_STRUCTURAL_METADATA_SIZE=";

    private CogInspector() {}

    /** Inspects {@code file}; a file that is no TIFF, is truncated or has no georeferencing is refused with why. */
    public static GeoTiffInfo inspect(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reader(channel).read();
        } catch (EOFException e) {
            throw new GeoTiffException("the file is truncated: a TIFF structure points past its end");
        }
    }

    private record Field(int type, long count, long valueOffset, byte[] inline) {}

    private record Ifd(long offset, long end, Map<Integer, Field> fields) {}

    private static final class Reader {
        private final FileChannel channel;
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        private boolean big;

        Reader(FileChannel channel) {
            this.channel = channel;
        }

        GeoTiffInfo read() throws IOException {
            if (channel.size() < 8) {
                throw new GeoTiffException("the file is not a TIFF: it is only " + channel.size() + " bytes long");
            }
            var head = bytes(0, 8);
            if (head[0] == 'I' && head[1] == 'I') {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (head[0] == 'M' && head[1] == 'M') {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new GeoTiffException("the file is not a TIFF: it does not start with II or MM");
            }
            int version = ByteBuffer.wrap(head, 2, 2).order(order).getShort() & 0xffff;
            long first;
            if (version == 42) {
                first = ByteBuffer.wrap(head, 4, 4).order(order).getInt() & 0xffffffffL;
            } else if (version == 43) {
                big = true;
                first = buffer(8, 8).getLong();
            } else {
                throw new GeoTiffException("the file is not a TIFF: version " + version + " is neither 42 nor 43");
            }
            var ifds = new ArrayList<Ifd>();
            var seen = new HashSet<Long>();
            for (long at = first; at != 0; ) {
                if (!seen.add(at) || ifds.size() == MAX_IFDS) {
                    throw new GeoTiffException("the TIFF's chain of images loops or is longer than " + MAX_IFDS);
                }
                var ifd = ifd(at);
                ifds.add(ifd);
                at = nextIfd(ifd);
            }
            var main = ifds.get(0);
            int width = (int) integer(main, 256, "ImageWidth");
            int height = (int) integer(main, 257, "ImageLength");
            int spp = (int) optionalInteger(main, 277, 1);
            var bits = longs(main, 258);
            var bitsPerSample = new int[spp];
            for (int i = 0; i < spp; i++) {
                bitsPerSample[i] = bits.length == 0 ? 1 : (int) bits[Math.min(i, bits.length - 1)];
            }
            var formats = longs(main, 339);
            int sampleFormat = formats.length == 0 ? 1 : (int) formats[0];
            int compression = (int) optionalInteger(main, 259, 1);
            boolean tiled = main.fields.containsKey(322);
            int tileWidth = tiled ? (int) integer(main, 322, "TileWidth") : 0;
            int tileHeight = tiled ? (int) integer(main, 323, "TileLength") : 0;
            var keys = geoKeys(main);
            int rasterType = keys.getOrDefault(1025, 1);
            int epsg = epsg(keys);
            var transform = transform(main, rasterType);
            double[] xs = {transform[2], transform[2] + transform[0] * width + transform[1] * height};
            double[] ys = {transform[5], transform[5] + transform[3] * width + transform[4] * height};
            double[] bounds = {
                Math.min(xs[0], xs[1]), Math.min(ys[0], ys[1]), Math.max(xs[0], xs[1]), Math.max(ys[0], ys[1])
            };
            int overviews = 0;
            for (int i = 1; i < ifds.size(); i++) {
                long type = optionalInteger(ifds.get(i), 254, 0);
                if ((type & 1) != 0 && (type & 4) == 0) {
                    overviews++;
                }
            }
            var nodata = main.fields.containsKey(42113) ? ascii(main.fields.get(42113)) : null;
            return new GeoTiffInfo(
                    width,
                    height,
                    epsg,
                    transform[0],
                    -transform[4],
                    transform,
                    bounds,
                    tiled,
                    tileWidth,
                    tileHeight,
                    overviews,
                    spp,
                    bitsPerSample,
                    sampleFormat,
                    compression,
                    big,
                    nodata,
                    layoutProblems(ifds, first));
        }

        private List<String> layoutProblems(List<Ifd> ifds, long first) throws IOException {
            var problems = new ArrayList<String>();
            long expectedFirst = big ? 16 : 8;
            if (first != expectedFirst) {
                long ghostSize = ghostSize(expectedFirst);
                long withGhost = expectedFirst + GHOST.length() + 6 + " bytes\n".length() + ghostSize;
                withGhost += withGhost % 2;
                if (ghostSize < 0 || first != withGhost) {
                    problems.add("the main IFD is at byte " + first + ", not at the start of the file");
                }
            }
            var images = new ArrayList<Ifd>();
            for (var ifd : ifds) {
                long type = optionalInteger(ifd, 254, 0);
                if (ifd == ifds.get(0) || ((type & 1) != 0 && (type & 4) == 0)) {
                    images.add(ifd);
                }
            }
            long lastIfd = 0;
            for (int i = 0; i < ifds.size(); i++) {
                if (i > 0 && ifds.get(i).offset < ifds.get(i - 1).offset) {
                    problems.add("IFD " + i + " comes before IFD " + (i - 1) + " in the file");
                }
                lastIfd = Math.max(lastIfd, ifds.get(i).offset);
            }
            long previousFirstBlock = Long.MAX_VALUE;
            for (int i = 0; i < images.size(); i++) {
                var image = images.get(i);
                long w = optionalInteger(image, 256, 0);
                long h = optionalInteger(image, 257, 0);
                String name = i == 0 ? "the full-resolution image" : "overview " + i;
                if (i > 0) {
                    var previous = images.get(i - 1);
                    if (w > optionalInteger(previous, 256, 0) || h > optionalInteger(previous, 257, 0)) {
                        problems.add(name + " is larger than the image before it");
                    }
                }
                boolean imageTiled = image.fields.containsKey(322);
                if (!imageTiled && (w > 512 || h > 512)) {
                    problems.add(name + " is larger than 512 pixels but not tiled");
                }
                var offsets = longs(image, imageTiled ? 324 : 273);
                long firstBlock = 0;
                for (long offset : offsets) {
                    if (offset != 0) {
                        firstBlock = offset;
                        break;
                    }
                }
                if (firstBlock != 0 && firstBlock < lastIfd) {
                    problems.add("the data of " + name + " starts before the last IFD");
                }
                if (i > 0 && firstBlock != 0 && previousFirstBlock != 0 && firstBlock > previousFirstBlock) {
                    problems.add("the data of " + name + " comes after the data of the larger image before it");
                }
                previousFirstBlock = firstBlock;
            }
            return problems;
        }

        /** The size announced by GDAL's structural metadata at {@code at}, or -1 if there is none. */
        private long ghostSize(long at) throws IOException {
            int length = GHOST.length() + 6;
            if (channel.size() < at + length) {
                return -1;
            }
            var text = new String(bytes(at, length), StandardCharsets.ISO_8859_1);
            if (!text.startsWith(GHOST)) {
                return -1;
            }
            try {
                return Long.parseLong(text.substring(GHOST.length()).trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private Ifd ifd(long at) throws IOException {
            int countSize = big ? 8 : 2;
            int entrySize = big ? 20 : 12;
            int inline = big ? 8 : 4;
            long count = big ? buffer(at, 8).getLong() : buffer(at, 2).getShort() & 0xffff;
            if (count < 1 || count > MAX_ENTRIES) {
                throw new GeoTiffException("an IFD of the TIFF at byte " + at + " has " + count + " entries");
            }
            var table = buffer(at + countSize, (int) count * entrySize);
            var fields = new HashMap<Integer, Field>();
            for (int i = 0; i < count; i++) {
                int tag = table.getShort() & 0xffff;
                int type = table.getShort() & 0xffff;
                long n = big ? table.getLong() : table.getInt() & 0xffffffffL;
                var value = new byte[inline];
                table.get(value);
                long size = n * typeSize(type);
                long offset = size <= inline
                        ? -1
                        : big
                                ? ByteBuffer.wrap(value).order(order).getLong()
                                : ByteBuffer.wrap(value).order(order).getInt() & 0xffffffffL;
                fields.put(tag, new Field(type, n, offset, value));
            }
            return new Ifd(at, at + countSize + count * entrySize, fields);
        }

        private long nextIfd(Ifd ifd) throws IOException {
            return big ? buffer(ifd.end, 8).getLong() : buffer(ifd.end, 4).getInt() & 0xffffffffL;
        }

        private static int typeSize(int type) {
            return switch (type) {
                case 3, 8 -> 2;
                case 4, 9, 11, 13 -> 4;
                case 5, 10, 12, 16, 17, 18 -> 8;
                default -> 1;
            };
        }

        private ByteBuffer value(Field field) throws IOException {
            long size = field.count * typeSize(field.type);
            if (size > 64L << 20) {
                throw new GeoTiffException("a TIFF tag claims " + size + " bytes of values");
            }
            if (field.valueOffset < 0) {
                return ByteBuffer.wrap(field.inline, 0, (int) size).slice().order(order);
            }
            return buffer(field.valueOffset, (int) size);
        }

        private long[] longs(Ifd ifd, int tag) throws IOException {
            var field = ifd.fields.get(tag);
            if (field == null) {
                return new long[0];
            }
            var buffer = value(field);
            var values = new long[(int) field.count];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (field.type) {
                    case 1, 7 -> buffer.get() & 0xff;
                    case 3 -> buffer.getShort() & 0xffff;
                    case 8 -> buffer.getShort();
                    case 4, 13 -> buffer.getInt() & 0xffffffffL;
                    case 9 -> buffer.getInt();
                    case 16, 17, 18 -> buffer.getLong();
                    default ->
                        throw new GeoTiffException(
                                "TIFF tag " + tag + " has type " + field.type + " where an integer is expected");
                };
            }
            return values;
        }

        private double[] doubles(Ifd ifd, int tag) throws IOException {
            var field = ifd.fields.get(tag);
            if (field == null) {
                return new double[0];
            }
            if (field.type != 12 && field.type != 11) {
                throw new GeoTiffException("GeoTIFF tag " + tag + " has type " + field.type + ", not DOUBLE");
            }
            var buffer = value(field);
            var values = new double[(int) field.count];
            for (int i = 0; i < values.length; i++) {
                values[i] = field.type == 12 ? buffer.getDouble() : buffer.getFloat();
            }
            return values;
        }

        private String ascii(Field field) throws IOException {
            var buffer = value(field);
            var bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }

        private long integer(Ifd ifd, int tag, String name) throws IOException {
            var values = longs(ifd, tag);
            if (values.length == 0) {
                throw new GeoTiffException("the TIFF has no " + name + " tag");
            }
            return values[0];
        }

        private long optionalInteger(Ifd ifd, int tag, long fallback) throws IOException {
            var values = longs(ifd, tag);
            return values.length == 0 ? fallback : values[0];
        }

        /** GeoKey id to SHORT value (keys stored elsewhere, citations and doubles, are not needed here). */
        private Map<Integer, Integer> geoKeys(Ifd main) throws IOException {
            var directory = longs(main, 34735);
            if (directory.length < 4) {
                throw new GeoTiffException("the TIFF is not georeferenced: it has no GeoKeyDirectory (tag 34735)");
            }
            var keys = new HashMap<Integer, Integer>();
            int n = (int) directory[3];
            for (int i = 0; i < n && 4 + 4 * i + 3 < directory.length; i++) {
                int at = 4 + 4 * i;
                if (directory[at + 1] == 0) {
                    keys.put((int) directory[at], (int) directory[at + 3]);
                }
            }
            return keys;
        }

        private static int epsg(Map<Integer, Integer> keys) throws GeoTiffException {
            Integer projected = keys.get(3072);
            if (projected != null && projected > 0 && projected != 32767) {
                return projected;
            }
            Integer geographic = keys.get(2048);
            if (geographic != null && geographic > 0 && geographic != 32767) {
                return geographic;
            }
            throw new GeoTiffException("the GeoTIFF's coordinate reference system has no EPSG code"
                    + " (no ProjectedCSTypeGeoKey or GeographicTypeGeoKey, or a user-defined one)");
        }

        private double[] transform(Ifd main, int rasterType) throws IOException {
            var matrix = doubles(main, 34264);
            double[] t;
            if (matrix.length == 16) {
                t = new double[] {matrix[0], matrix[1], matrix[3], matrix[4], matrix[5], matrix[7]};
            } else {
                var scale = doubles(main, 33550);
                var tiepoint = doubles(main, 33922);
                if (scale.length < 2 || tiepoint.length < 6) {
                    throw new GeoTiffException("the TIFF is not georeferenced: it has neither ModelTransformation nor"
                            + " ModelPixelScale with ModelTiepoint");
                }
                t = new double[] {
                    scale[0],
                    0,
                    tiepoint[3] - tiepoint[0] * scale[0],
                    0,
                    -scale[1],
                    tiepoint[4] + tiepoint[1] * scale[1]
                };
            }
            if (t[0] == 0 || t[4] == 0 || !Double.isFinite(t[0]) || !Double.isFinite(t[4])) {
                throw new GeoTiffException("the GeoTIFF's pixel size is zero or not a number");
            }
            if (rasterType == 2) {
                // PixelIsPoint: the tie point names a pixel's centre; GDAL reports the corner, as here
                t[2] -= (t[0] + t[1]) / 2;
                t[5] -= (t[3] + t[4]) / 2;
            }
            return t;
        }

        private ByteBuffer buffer(long at, int size) throws IOException {
            return ByteBuffer.wrap(bytes(at, size)).order(order);
        }

        private byte[] bytes(long at, int size) throws IOException {
            if (at < 0 || at + size > channel.size()) {
                throw new EOFException();
            }
            var buffer = ByteBuffer.allocate(size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new EOFException();
                }
            }
            return buffer.array();
        }
    }
}
