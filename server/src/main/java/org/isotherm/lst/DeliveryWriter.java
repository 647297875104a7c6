package org.isotherm.lst;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.isotherm.lst.CogWriter.Format;
import org.isotherm.lst.CogWriter.Georeference;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one delivery bundle from the synthetic model: {@code lst.tiff} (uint16, 0.01 K, nodata 65535),
 * {@code quicklook.tiff} (RGBA through the thermal colour scale, transparent where there is no value),
 * {@code thumbnail.jpg}, {@code scl_mask_30m.tiff}, {@code lst_sharpened_10m.tiff} when asked, and
 * {@code metadata.json}. The scene is evaluated one 512-row band at a time, the band's rows shared among the
 * processors, and each band goes straight into the streaming {@link CogWriter}s: memory grows with the scene's width,
 * never with its area.
 */
public final class DeliveryWriter {

    static final int NODATA = 0xFFFF;
    static final double SCALE = 0.01;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Level 1: on LST tiles within 3 % of level 6's size, and it halves the time of a large scene. */
    private static final int DEFLATE_LEVEL = 1;
    /** The colour scale spans these quantiles of the scene's temperatures, so one hot roof does not flatten it. */
    private static final double LOW_QUANTILE = 0.02;

    private static final double HIGH_QUANTILE = 0.98;
    private static final double MIN_STRETCH_KELVIN = 4;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private DeliveryWriter() {}

    /** Writes the bundle of {@code request} into {@code directory} (which must exist) and says what it holds. */
    public static Bundle write(SceneRequest request, Path directory) throws IOException {
        var grid = SceneGrid.of(request.area(), request.pixelSize());
        var colours = stretch(request);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        var pool = Executors.newFixedThreadPool(threads, DeliveryWriter::daemon);
        try {
            var files = new ArrayList<BundleFile>();
            boolean sclOnGrid = grid.pixelSize == 30;
            var main = new Pass(request, grid, colours, true, true);
            try (var lst = cog(directory.resolve("lst.tiff"), grid, Format.UINT16, "65535", pool);
                    var quicklook = cog(directory.resolve("quicklook.tiff"), grid, Format.RGBA8, null, pool);
                    var scl = sclOnGrid
                            ? cog(directory.resolve("scl_mask_30m.tiff"), grid, Format.CLASSES8, "0", pool)
                            : null) {
                main.lst = lst;
                main.quicklook = quicklook;
                main.scl = scl;
                main.run(pool, threads);
                lst.gdalMetadata(lstMetadata(main.statistics(), request));
                files.add(finish(lst, "lst", "lst.tiff", BundleFile.COG, directory));
                files.add(finish(quicklook, "quicklook", "quicklook.tiff", BundleFile.COG, directory));
                if (scl != null) {
                    files.add(finish(scl, "scl", "scl_mask_30m.tiff", BundleFile.COG, directory));
                }
            }
            var thumbnail = directory.resolve("thumbnail.jpg");
            Files.write(thumbnail, main.thumbnail().jpeg(colours));
            files.add(file("thumbnail", thumbnail, BundleFile.JPEG));
            if (!sclOnGrid) {
                var grid30 = grid.withPixelSize(request.area(), 30);
                var classes = new Pass(request, grid30, colours, false, false);
                try (var scl = cog(directory.resolve("scl_mask_30m.tiff"), grid30, Format.CLASSES8, "0", pool)) {
                    classes.scl = scl;
                    classes.run(pool, threads);
                    files.add(finish(scl, "scl", "scl_mask_30m.tiff", BundleFile.COG, directory));
                }
            }
            if (request.sharpened10m()) {
                var grid10 = grid.withPixelSize(request.area(), 10);
                // statistics for its GDAL metadata; the thumbnail is the main pass's
                var sharp = new Pass(request, grid10, colours, true, false);
                var name = "lst_sharpened_10m.tiff";
                try (var lst10 = cog(directory.resolve(name), grid10, Format.UINT16, "65535", pool)) {
                    sharp.lst = lst10;
                    sharp.run(pool, threads);
                    lst10.gdalMetadata(lstMetadata(sharp.statistics(), request));
                    files.add(finish(lst10, "sharpened", name, BundleFile.COG, directory));
                }
            }
            double inside = Math.max(1, main.inside);
            var bundle = new Bundle(
                    files,
                    grid.epsg,
                    grid.width,
                    grid.height,
                    new double[] {grid.pixelSize, 0, grid.originX, 0, -grid.pixelSize, grid.originY},
                    new double[] {
                        grid.originX,
                        grid.originY - grid.height * grid.pixelSize,
                        grid.originX + grid.width * grid.pixelSize,
                        grid.originY
                    },
                    main.model.footprint(request.area()),
                    main.statistics(),
                    main.cloudy / inside,
                    main.missing / inside,
                    main.model.sun.elevation());
            var metadata = directory.resolve("metadata.json");
            Files.write(metadata, metadataJson(request, bundle));
            return bundle.with(file("metadata", metadata, BundleFile.JSON));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The colour scale of the quicklook and thumbnail, from a coarse look at the same scene. */
    static ColourMap stretch(SceneRequest request) {
        var sample = SyntheticLst.sample(request.product(), request.satellite(), request.area(), request.acquired());
        var kelvin = sample.sortedKelvin();
        if (kelvin.length == 0) {
            return new ColourMap(270, 310);
        }
        double low = kelvin[(int) (LOW_QUANTILE * (kelvin.length - 1))];
        double high = kelvin[(int) Math.ceil(HIGH_QUANTILE * (kelvin.length - 1))];
        if (high - low < MIN_STRETCH_KELVIN) {
            double mid = (low + high) / 2;
            low = mid - MIN_STRETCH_KELVIN / 2;
            high = mid + MIN_STRETCH_KELVIN / 2;
        }
        return new ColourMap(low, high);
    }

    private static CogWriter cog(
            Path target, SceneGrid grid, Format format, @Nullable String nodata, ExecutorService pool)
            throws IOException {
        return new CogWriter(
                target,
                grid.width,
                grid.height,
                format,
                new Georeference(grid.epsg, grid.originX, grid.originY, grid.pixelSize),
                null,
                nodata,
                DEFLATE_LEVEL,
                pool);
    }

    private static BundleFile finish(CogWriter writer, String role, String name, String mediaType, Path directory)
            throws IOException {
        var written = writer.finish();
        return new BundleFile(role, directory.resolve(name), name, mediaType, written.size(), written.sha256Hex());
    }

    private static BundleFile file(String role, Path path, String mediaType) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var bytes = Files.readAllBytes(path);
        return new BundleFile(
                role,
                path,
                path.getFileName().toString(),
                mediaType,
                bytes.length,
                HexFormat.of().formatHex(sha256.digest(bytes)));
    }

    /**
     * GDAL_METADATA of an LST raster: scale, offset, unit and description of the band, and its statistics in stored
     * values as GDAL keeps them, so that {@code gdalinfo} shows kelvin and QGIS stretches without a scan.
     */
    static String lstMetadata(Statistics s, SceneRequest request) {
        var xml = new StringBuilder("<GDALMetadata>\n");
        item(xml, "PRODUCT", null, null, request.product().toUpperCase(Locale.ROOT));
        item(xml, "SATELLITE", null, null, request.satellite().toUpperCase(Locale.ROOT));
        item(
                xml,
                "ACQUISITION_DATETIME",
                null,
                null,
                request.acquired().truncatedTo(ChronoUnit.SECONDS).toString());
        if (s.validPercent() > 0) {
            item(xml, "STATISTICS_MAXIMUM", 0, null, format(s.maximum() / SCALE));
            item(xml, "STATISTICS_MEAN", 0, null, format(s.mean() / SCALE));
            item(xml, "STATISTICS_MEDIAN", 0, null, format(s.median() / SCALE));
            item(xml, "STATISTICS_MINIMUM", 0, null, format(s.minimum() / SCALE));
            item(xml, "STATISTICS_STDDEV", 0, null, format(s.stddev() / SCALE));
            item(xml, "STATISTICS_VALID_PERCENT", 0, null, format(s.validPercent()));
        }
        item(xml, "DESCRIPTION", 0, "description", "land surface temperature");
        item(xml, "OFFSET", 0, "offset", "0");
        item(xml, "SCALE", 0, "scale", "0.01");
        item(xml, "UNITTYPE", 0, "unittype", "K");
        return xml.append("</GDALMetadata>").toString();
    }

    private static void item(
            StringBuilder xml, String name, @Nullable Integer sample, @Nullable String role, String value) {
        xml.append("  <Item name=\"").append(name).append('"');
        if (sample != null) {
            xml.append(" sample=\"").append(sample).append('"');
        }
        if (role != null) {
            xml.append(" role=\"").append(role).append('"');
        }
        xml.append('>').append(value.replace("&", "&amp;").replace("<", "&lt;")).append("</Item>\n");
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** The vendor's metadata.json: the caller's fields first, then what the scene computed. */
    static byte[] metadataJson(SceneRequest request, Bundle bundle) {
        var m = new LinkedHashMap<String, @Nullable Object>(request.vendorMetadata());
        var box = bundle.footprint().getEnvelopeInternal();
        m.put("bbox", List.of(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()));
        m.put(
                "scene_datetime",
                request.acquired().truncatedTo(ChronoUnit.SECONDS).toString());
        m.putIfAbsent(
                "processing_datetime",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("cloud_ratio_aoi", round(bundle.cloudRatio(), 4));
        m.put("na_ratio_aoi", round(bundle.nodataRatio(), 4));
        var s = bundle.statistics();
        m.put("min_lst", s.validPercent() > 0 ? round(s.minimum(), 2) : null);
        m.put("max_lst", s.validPercent() > 0 ? round(s.maximum(), 2) : null);
        m.put("median_lst", s.validPercent() > 0 ? round(s.median(), 2) : null);
        m.put("sun_elevation", round(bundle.sunElevation(), 2));
        m.put("proj:epsg", bundle.epsg());
        m.put("proj:shape", List.of(bundle.height(), bundle.width()));
        var transform = new ArrayList<Double>();
        for (double v : bundle.transform()) {
            transform.add(v);
        }
        m.put("proj:transform", transform);
        m.put("geometry", geoJson(bundle.footprint()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    private static Object geoJson(Geometry geometry) {
        var writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        return JSON.readValue(writer.write(geometry), Object.class);
    }

    private static double round(double value, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    /** One band's rows for each writer; a writer not in the pass gets an empty array. */
    private record Bands(byte[] lst, byte[] rgba, byte[] classes) {}

    private static Thread daemon(Runnable task) {
        var thread = new Thread(task, "lst-writer-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /**
     * One walk over a grid, band by band, into whichever writers are set; counts the AOI's pixels, its cloudy and
     * its missing ones, and keeps a histogram of the stored values for exact statistics (median included).
     */
    private static final class Pass {
        final SyntheticLst model;
        final SceneGrid grid;
        final ColourMap colours;
        final @Nullable Thumbnail thumbnail;
        final long @Nullable [] histogram;

        @Nullable
        CogWriter lst;

        @Nullable
        CogWriter quicklook;

        @Nullable
        CogWriter scl;

        long inside;
        long cloudy;
        long missing;

        Pass(SceneRequest request, SceneGrid grid, ColourMap colours, boolean statistics, boolean thumbnail) {
            this.model = new SyntheticLst(request.product(), request.satellite(), request.acquired(), grid);
            this.grid = grid;
            this.colours = colours;
            this.thumbnail = thumbnail ? new Thumbnail(grid.width, grid.height) : null;
            this.histogram = statistics ? new long[NODATA] : null;
        }

        Thumbnail thumbnail() {
            return Objects.requireNonNull(thumbnail, "this pass makes no thumbnail");
        }

        /**
         * Evaluates band after band into two sets of band buffers in turn, handing each finished band to one writer
         * thread: the model's next band is computed while the last one is compressed and written.
         */
        void run(ExecutorService pool, int threads) throws IOException {
            int w = grid.width;
            var buffers = new Bands[] {bands(w), bands(w)};
            var workers = new ArrayList<Worker>();
            for (int t = 0; t < threads; t++) {
                workers.add(new Worker());
            }
            var writer = Executors.newSingleThreadExecutor(DeliveryWriter::daemon);
            try {
                Future<?> pending = null;
                for (int first = 0, index = 0; first < grid.height; first += CogWriter.TILE, index++) {
                    int rows = Math.min(CogWriter.TILE, grid.height - first);
                    var bands = buffers[index % 2];
                    var edges = grid.edgesOf(first, rows);
                    int per = (rows + threads - 1) / threads;
                    var tasks = new ArrayList<Callable<@Nullable Void>>();
                    for (int t = 0; t < threads && t * per < rows; t++) {
                        var worker = workers.get(t);
                        int from = t * per;
                        int to = Math.min(rows, from + per);
                        int band = first;
                        tasks.add(() -> worker.rows(bands, band, from, to, edges));
                    }
                    await(pool.invokeAll(tasks));
                    for (var worker : workers) {
                        inside += worker.inside;
                        cloudy += worker.cloudy;
                        missing += worker.missing;
                        worker.inside = worker.cloudy = worker.missing = 0;
                    }
                    if (pending != null) {
                        await(List.of(pending));
                    }
                    int band = first;
                    pending = writer.submit(() -> write(bands, band, rows));
                }
                if (pending != null) {
                    await(List.of(pending));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making a scene", e);
            } finally {
                writer.shutdownNow();
            }
        }

        private Bands bands(int width) {
            return new Bands(
                    new byte[CogWriter.TILE * width * 2],
                    quicklook != null ? new byte[CogWriter.TILE * width * 4] : new byte[0],
                    scl != null ? new byte[CogWriter.TILE * width] : new byte[0]);
        }

        private @Nullable Void write(Bands bands, int first, int rows) throws IOException {
            int w = grid.width;
            if (thumbnail != null) {
                for (int r = 0; r < rows; r++) {
                    thumbnail.add(first + r, bands.lst, r * w * 2);
                }
            }
            if (histogram != null) {
                for (int i = 0; i < rows * w; i++) {
                    int v = (bands.lst[2 * i] & 0xff) | (bands.lst[2 * i + 1] & 0xff) << 8;
                    if (v != NODATA) {
                        histogram[v]++;
                    }
                }
            }
            if (lst != null) {
                lst.append(bands.lst, rows);
            }
            if (quicklook != null) {
                quicklook.append(bands.rgba, rows);
            }
            if (scl != null) {
                scl.append(bands.classes, rows);
            }
            return null;
        }

        private static void await(List<? extends Future<?>> futures) throws IOException, InterruptedException {
            try {
                for (var future : futures) {
                    future.get();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("making a scene failed", e.getCause());
            }
        }

        /** Exact statistics from the histogram, in kelvin; NaN (and 0 % valid) when no pixel has a value. */
        Statistics statistics() {
            var h = histogram;
            long n = 0;
            long sum = 0;
            long squares = 0;
            int min = -1;
            int max = -1;
            if (h != null) {
                for (int v = 0; v < h.length; v++) {
                    if (h[v] > 0) {
                        if (min < 0) {
                            min = v;
                        }
                        max = v;
                        n += h[v];
                        sum += h[v] * v;
                        squares += h[v] * v * v;
                    }
                }
            }
            if (h == null || n == 0) {
                return new Statistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            long lowerMiddle = (n - 1) / 2;
            int median = min;
            long seen = 0;
            for (int v = min; v <= max; v++) {
                seen += h[v];
                if (seen > lowerMiddle) {
                    median = v;
                    break;
                }
            }
            double mean = (double) sum / n;
            double variance = Math.max(0, (double) squares / n - mean * mean);
            return new Statistics(
                    min * SCALE,
                    max * SCALE,
                    mean * SCALE,
                    median * SCALE,
                    Math.sqrt(variance) * SCALE,
                    100.0 * n / ((double) grid.width * grid.height));
        }

        /** Evaluates some rows of the current band; one per thread, with its own model caches and scratch rows. */
        private final class Worker {
            final SyntheticLst.Evaluator evaluator = model.evaluator();
            final double[] wx = new double[grid.width];
            final double[] wy = new double[grid.width];
            final byte[] mask = new byte[grid.width];
            final float[] kelvin = new float[grid.width];
            final byte[] classes = new byte[grid.width];
            final double[] scratch = new double[grid.maxCrossings()];
            long inside;
            long cloudy;
            long missing;

            @Nullable
            Void rows(Bands bands, int band, int from, int to, double[] edges) {
                int w = grid.width;
                var lstBand = bands.lst;
                var rgbaBand = bands.rgba;
                var classBand = bands.classes;
                for (int r = from; r < to; r++) {
                    int row = band + r;
                    grid.world(row, wx, wy);
                    grid.inside(row, edges, mask, scratch);
                    evaluator.row(row, wx, wy, mask, kelvin, classes);
                    for (int c = 0; c < w; c++) {
                        int at = r * w + c;
                        float k = kelvin[c];
                        boolean valid = !Float.isNaN(k);
                        int stored = valid ? (int) Math.min(NODATA - 1, Math.round(k * 100.0)) : NODATA;
                        lstBand[2 * at] = (byte) stored;
                        lstBand[2 * at + 1] = (byte) (stored >>> 8);
                        if (rgbaBand.length > 0) {
                            if (valid) {
                                colours.rgb(stored, rgbaBand, 4 * at);
                                rgbaBand[4 * at + 3] = (byte) 0xff;
                            } else {
                                rgbaBand[4 * at] = 0;
                                rgbaBand[4 * at + 1] = 0;
                                rgbaBand[4 * at + 2] = 0;
                                rgbaBand[4 * at + 3] = 0;
                            }
                        }
                        int cls = classes[c];
                        if (mask[c] != 0) {
                            inside++;
                            int kind = cls & 0x7f;
                            if (kind == SyntheticLst.CLOUD || kind == SyntheticLst.SHADOW) {
                                cloudy++;
                            }
                            if (!valid) {
                                missing++;
                            }
                        }
                        if (classBand.length > 0) {
                            classBand[at] = (cls & SyntheticLst.OUTSIDE_SWATH) != 0 ? SyntheticLst.NODATA : (byte) cls;
                        }
                    }
                }
                return null;
            }
        }
    }
}
