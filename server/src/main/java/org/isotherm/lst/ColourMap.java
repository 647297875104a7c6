package org.isotherm.lst;

/**
 * The thermal colour scale of quicklooks and thumbnails: an inferno-like ramp (black, purple, red, orange, pale
 * yellow) from a 9-colour table, stretched linearly between two temperatures.
 */
final class ColourMap {

    private static final int[][] RAMP = {
        {0, 0, 4},
        {31, 12, 72},
        {85, 15, 109},
        {136, 34, 106},
        {186, 54, 85},
        {227, 89, 51},
        {249, 140, 10},
        {249, 201, 50},
        {252, 255, 164}
    };

    final double lowKelvin;
    final double highKelvin;
    private final int low;
    private final double scale;
    private final byte[] lut = new byte[256 * 3];

    /** A stretch from {@code lowKelvin} (first colour) to {@code highKelvin} (last). */
    ColourMap(double lowKelvin, double highKelvin) {
        this.lowKelvin = lowKelvin;
        this.highKelvin = highKelvin;
        this.low = (int) Math.round(lowKelvin * 100);
        this.scale = 255.0 / Math.max(1, Math.round(highKelvin * 100) - low);
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (RAMP.length - 1);
            int k = Math.min((int) t, RAMP.length - 2);
            double f = t - k;
            for (int c = 0; c < 3; c++) {
                lut[i * 3 + c] = (byte) Math.round(RAMP[k][c] + (RAMP[k + 1][c] - RAMP[k][c]) * f);
            }
        }
    }

    /** Index 0..255 of a stored LST value (kelvin / 0.01). */
    int index(int stored) {
        return Math.max(0, Math.min(255, (int) ((stored - low) * scale + 0.5)));
    }

    /** Writes the RGB of a stored LST value to {@code out[at..at+2]}. */
    void rgb(int stored, byte[] out, int at) {
        int i = index(stored) * 3;
        out[at] = lut[i];
        out[at + 1] = lut[i + 1];
        out[at + 2] = lut[i + 2];
    }

    /** Packed 0xRRGGBB of a stored LST value. */
    int rgb(int stored) {
        int i = index(stored) * 3;
        return (lut[i] & 0xff) << 16 | (lut[i + 1] & 0xff) << 8 | (lut[i + 2] & 0xff);
    }
}
