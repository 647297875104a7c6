package org.isotherm.lst;

import java.util.Arrays;

/**
 * Fractal value noise: octaves of hashed lattice values, smoothly interpolated, each half the wavelength and
 * {@code persistence} times the amplitude of the one before. Deterministic in (x, y, seed) only, so a place looks
 * the same whatever grid samples it. Each octave remembers the four corner values of its last lattice cell:
 * neighbouring pixels mostly fall in the same cells, which takes the hashing off the per-pixel path. That cache
 * makes an instance single-threaded; {@link #copy()} gives another thread its own.
 */
final class Fbm {

    private final long seed;
    private final double[] frequency;
    private final double[] amplitude;
    private final long[] cellX;
    private final long[] cellY;
    private final double[] corners;

    /**
     * @param longestWavelength metres of the first octave
     * @param octaves how many; the last has wavelength {@code longestWavelength / 2^(octaves-1)}
     */
    Fbm(long seed, double longestWavelength, int octaves, double persistence) {
        this(seed, new double[octaves], new double[octaves]);
        double sum = 0;
        double a = 1;
        for (int o = 0; o < octaves; o++) {
            frequency[o] = (1 << o) / longestWavelength;
            amplitude[o] = a;
            sum += a;
            a *= persistence;
        }
        for (int o = 0; o < octaves; o++) {
            amplitude[o] /= sum;
        }
    }

    private Fbm(long seed, double[] frequency, double[] amplitude) {
        this.seed = seed;
        this.frequency = frequency;
        this.amplitude = amplitude;
        this.cellX = new long[frequency.length];
        this.cellY = new long[frequency.length];
        this.corners = new double[frequency.length * 4];
        Arrays.fill(cellX, Long.MIN_VALUE);
    }

    /** The same noise with caches of its own, for another thread. */
    Fbm copy() {
        return new Fbm(seed, frequency, amplitude);
    }

    /** The noise at (x, y), roughly in -1..1 (sums of octaves rarely reach the ends), mean 0. */
    double at(double x, double y) {
        double sum = 0;
        for (int o = 0; o < frequency.length; o++) {
            double u = x * frequency[o];
            double v = y * frequency[o];
            double fu = Math.floor(u);
            double fv = Math.floor(v);
            long ix = (long) fu;
            long iy = (long) fv;
            int c = o * 4;
            if (ix != cellX[o] || iy != cellY[o]) {
                long s = seed + o * 0x632BE59BD9B4E019L;
                corners[c] = lattice(ix, iy, s);
                corners[c + 1] = lattice(ix + 1, iy, s);
                corners[c + 2] = lattice(ix, iy + 1, s);
                corners[c + 3] = lattice(ix + 1, iy + 1, s);
                cellX[o] = ix;
                cellY[o] = iy;
            }
            double tx = u - fu;
            double ty = v - fv;
            tx = tx * tx * (3 - 2 * tx);
            ty = ty * ty * (3 - 2 * ty);
            double top = corners[c] + (corners[c + 1] - corners[c]) * tx;
            double bottom = corners[c + 2] + (corners[c + 3] - corners[c + 2]) * tx;
            sum += amplitude[o] * (top + (bottom - top) * ty);
        }
        return sum;
    }

    /** A value in -1..1 for a lattice point. */
    static double lattice(long ix, long iy, long seed) {
        long h = mix(ix * 0x9E3779B97F4A7C15L + iy * 0xC2B2AE3D27D4EB4FL + seed);
        return (h >>> 11) * 0x1.0p-52 - 1;
    }

    /** SplitMix64's finaliser: a good 64-bit avalanche for lattice and pixel hashes. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
