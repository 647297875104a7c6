package org.isotherm.lst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GDAL's command-line tools and Python bindings as an independent reader of the files written here. */
final class Gdal {

    static final String VALIDATOR =
            "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_cloud_optimized_geotiff.py";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Boolean available;
    private static String python = "python3";

    private Gdal() {}

    /** Skips the test unless gdalinfo and a Python with GDAL's bindings are installed (CI installs both). */
    static synchronized void assumeInstalled() {
        if (available == null) {
            available = false;
            if (runs("gdalinfo", "--version")) {
                for (var candidate : List.of("/usr/bin/python3", "python3")) {
                    if (runs(candidate, "-c", "import osgeo.gdal")) {
                        python = candidate;
                        available = Files.exists(Path.of(VALIDATOR));
                        break;
                    }
                }
            }
        }
        assumeTrue(available, "GDAL (gdalinfo, python3-gdal) is not installed");
    }

    /** {@code gdalinfo -json -stats}, without leaving an .aux.xml beside the file. */
    static JsonNode info(Path file) {
        return JSON.readTree(run("gdalinfo", "--config", "GDAL_PAM_ENABLED", "NO", "-json", "-stats", file.toString()));
    }

    /** Runs GDAL's COG validator; returns its output, asserting it exits with 0 (valid). */
    static String validate(Path file) {
        var out = run(python, VALIDATOR, file.toString());
        assertThat(out).as("validator on %s", file).contains("is a valid cloud optimized GeoTIFF");
        return out;
    }

    /** Runs a Python script with GDAL's bindings (variables {@code path} and {@code gdal} are set). */
    static String python(String script, Path file) {
        var prelude = "import sys\nfrom osgeo import gdal\ngdal.UseExceptions()\npath = sys.argv[1]\n";
        return run(python, "-c", prelude + script, file.toString());
    }

    private static boolean runs(String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(String... command) {
        try {
            var process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s said: %s", command[0], out).isZero();
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
