import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.isotherm.lst.Bundle;
import org.isotherm.lst.DeliveryWriter;
import org.isotherm.lst.SceneRequest;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Times whole delivery bundles (every file written, as the synthetic provider makes them) over square AOIs:
 * {@code DeliveryBench PRODUCT KM RUNS}. Prints the median and the slowest run after two warm-up runs, and the peak
 * heap used; run the 500 km case under -Xmx512m to check that memory is bounded by tiles.
 */
public class DeliveryBench {

    public static void main(String[] args) throws Exception {
        String product = args[0];
        double km = Double.parseDouble(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmups = runs > 1 ? 2 : 0;
        var area = square(8.4, 49.8, km);
        var times = new long[runs];
        Bundle bundle = null;
        for (int i = -warmups; i < runs; i++) {
            var dir = Files.createTempDirectory("delivery-bench");
            var request = new SceneRequest(
                    product,
                    product.equalsIgnoreCase("LSTfusion") ? "FUSION" : "SBA01",
                    // a different pass each run: some cloudier, some clearer
                    Instant.parse("2026-07-08T10:30:00Z").plusSeconds(86_400L * (i + warmups)),
                    area,
                    product.equalsIgnoreCase("LSTzoom") ? 10 : 30,
                    false,
                    Map.of());
            long start = System.nanoTime();
            bundle = DeliveryWriter.write(request, dir);
            long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                times[i] = elapsed;
            }
            for (var file : bundle.files()) {
                Files.delete(file.path());
            }
            Files.delete(dir);
        }
        Arrays.sort(times);
        long bytes = bundle.files().stream().mapToLong(f -> f.size()).sum();
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "%s %.0f x %.0f km, %d x %d px, %d files, %.1f MB: median %.0f ms, slowest %.0f ms over %d runs;"
                        + " heap max %d MB, peak used %d MB (sum of pool peaks)%n",
                product, km, km, bundle.width(), bundle.height(), bundle.files().size(), bytes / 1e6,
                times[runs / 2] / 1e6, times[runs - 1] / 1e6, runs,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    static Geometry square(double lon, double lat, double km) {
        double dx = km / 111.32 / Math.cos(Math.toRadians(lat + km / 222));
        double dy = km / 110.57;
        return new GeometryFactory().toGeometry(new Envelope(lon, lon + dx, lat, lat + dy));
    }
}
