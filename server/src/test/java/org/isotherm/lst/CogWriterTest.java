package org.isotherm.lst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.isotherm.lst.CogWriter.Format;
import org.isotherm.lst.CogWriter.Georeference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CogWriterTest {

    private static final Georeference UTM32 = new Georeference(32632, 500_010, 5_200_020, 30);

    @TempDir
    Path dir;

    static int value(int x, int y) {
        return (x + y) % 97 == 0 ? 65535 : (x * 7 + y * 13) % 60000;
    }

    static Path writeUint16(Path file, int width, int height, boolean big) throws IOException {
        var pool = Executors.newFixedThreadPool(2);
        try (var writer = new CogWriter(file, width, height, Format.UINT16, UTM32, null, "65535", 6, pool)) {
            if (big) {
                writer.forceBigTiff();
            }
            var band = new byte[CogWriter.TILE * width * 2];
            for (int y0 = 0; y0 < height; y0 += CogWriter.TILE) {
                int rows = Math.min(CogWriter.TILE, height - y0);
                for (int r = 0; r < rows; r++) {
                    for (int x = 0; x < width; x++) {
                        int v = value(x, y0 + r);
                        band[(r * width + x) * 2] = (byte) v;
                        band[(r * width + x) * 2 + 1] = (byte) (v >>> 8);
                    }
                }
                writer.append(band, rows);
            }
            var written = writer.finish();
            assertThat(written.size()).isEqualTo(Files.size(file));
            assertThat(written.sha256Hex()).hasSize(64);
        } finally {
            pool.shutdown();
        }
        return file;
    }

    @ParameterizedTest
    @CsvSource({"1,1,0", "300,200,0", "512,512,0", "513,513,1", "1100,700,2", "2100,300,3"})
    void writesTiledGeoreferencedLayoutWithOverviewsUntilOneTile(int width, int height, int overviews)
            throws IOException {
        var file = writeUint16(dir.resolve("a.tiff"), width, height, false);

        var info = CogInspector.inspect(file);

        assertThat(info.width()).isEqualTo(width);
        assertThat(info.height()).isEqualTo(height);
        assertThat(info.epsg()).isEqualTo(32632);
        assertThat(info.transform()).containsExactly(30, 0, 500_010, 0, -30, 5_200_020);
        assertThat(info.bounds())
                .containsExactly(500_010, 5_200_020 - 30.0 * height, 500_010 + 30.0 * width, 5_200_020);
        assertThat(info.tiled()).isTrue();
        assertThat(info.tileWidth()).isEqualTo(512);
        assertThat(info.tileHeight()).isEqualTo(512);
        assertThat(info.overviews()).isEqualTo(overviews);
        assertThat(info.bitsPerSample()).containsExactly(16);
        assertThat(info.sampleFormat()).isEqualTo(1);
        assertThat(info.compression()).isEqualTo(8);
        assertThat(info.nodata()).isEqualTo("65535");
        assertThat(info.bigTiff()).isFalse();
        assertThat(info.layoutProblems()).isEmpty();
    }

    @Test
    void writesBigTiffWhenAsked() throws IOException {
        var file = writeUint16(dir.resolve("big.tiff"), 1100, 600, true);

        var info = CogInspector.inspect(file);

        assertThat(info.bigTiff()).isTrue();
        assertThat(info.overviews()).isEqualTo(2);
        assertThat(info.cloudOptimized()).isTrue();
    }

    @Test
    void refusesRowsThatAreNotWholeBands() throws IOException {
        try (var writer = new CogWriter(dir.resolve("b.tiff"), 10, 600, Format.UINT16, UTM32, null, null, 6, null)) {
            assertThatThrownBy(() -> writer.append(new byte[10 * 2 * 512], 100))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 512 rows");
        }
    }

    @Test
    void leavesNoSpillFilesBehind() throws IOException {
        writeUint16(dir.resolve("c.tiff"), 1100, 700, false);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("c.tiff");
        }
    }

    @Test
    void modeOfFourIgnoresNodataAndPrefersTheFirstOnTies() {
        assertThat(CogWriter.modeClass((byte) 0, (byte) 2, (byte) 2, (byte) 1)).isEqualTo((byte) 2);
        assertThat(CogWriter.modeClass((byte) 1, (byte) 2, (byte) 2, (byte) 1)).isEqualTo((byte) 1);
        assertThat(CogWriter.modeClass((byte) 0, (byte) 0, (byte) 0, (byte) 3)).isEqualTo((byte) 3);
        assertThat(CogWriter.modeClass((byte) 0, (byte) 0, (byte) 0, (byte) 0)).isEqualTo((byte) 0);
        assertThat(CogWriter.modeClass((byte) 4, (byte) 0, (byte) 0, (byte) 0)).isEqualTo((byte) 4);
    }

    @ParameterizedTest
    @CsvSource({"1,1,false", "513,513,false", "1100,700,false", "1100,700,true"})
    void gdalReadsThePixelsBackAndCallsItValid(int width, int height, boolean big) throws IOException {
        Gdal.assumeInstalled();
        var file = writeUint16(dir.resolve("g.tiff"), width, height, big);

        Gdal.validate(file);
        var out = Gdal.python("""
                import numpy as np
                ds = gdal.Open(path)
                a = ds.GetRasterBand(1).ReadAsArray().astype(np.int64)
                print(int(a.sum()), int(a[-1, -1]), ds.GetRasterBand(1).GetNoDataValue())
                b = ds.GetRasterBand(1)
                for i in range(b.GetOverviewCount()):
                    o = b.GetOverview(i)
                    print(o.XSize, o.YSize, int(o.ReadAsArray()[0, 1]))
                """, file);

        long sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                sum += value(x, y);
            }
        }
        var lines = out.strip().lines().toList();
        assertThat(lines.get(0)).isEqualTo(sum + " " + value(width - 1, height - 1) + " 65535.0");
        if (lines.size() > 1) {
            // overview pixel (1, 0) is the mean of the valid pixels among x 2..3, y 0..1
            int s = 0;
            int n = 0;
            for (int y = 0; y < 2; y++) {
                for (int x = 2; x < 4; x++) {
                    if (value(x, y) != 65535) {
                        s += value(x, y);
                        n++;
                    }
                }
            }
            assertThat(lines.get(1)).isEqualTo((width + 1) / 2 + " " + (height + 1) / 2 + " " + (s + n / 2) / n);
        }
    }
}
