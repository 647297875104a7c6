package org.isotherm.lst;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * The sun seen from a place at an instant, by NOAA's general solar position equations (Spencer's Fourier series
 * for the declination and the equation of time); good to a few tenths of a degree, plenty for a synthetic scene.
 *
 * @param elevation degrees above the horizon (negative at night), without refraction
 * @param azimuth degrees clockwise from north
 * @param solarHours true local solar time, 0..24 (12 = the sun at its highest)
 * @param noonElevation the elevation at solar noon that day, degrees
 */
record SolarPosition(double elevation, double azimuth, double solarHours, double noonElevation) {

    static SolarPosition at(double lon, double lat, Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0 + (utc.getSecond() + utc.getNano() / 1e9) / 3600.0;
        int days = Year.isLeap(utc.getYear()) ? 366 : 365;
        double g = 2 * Math.PI / days * (utc.getDayOfYear() - 1 + (hour - 12) / 24);
        double eqTime = 229.18
                * (0.000075
                        + 0.001868 * Math.cos(g)
                        - 0.032077 * Math.sin(g)
                        - 0.014615 * Math.cos(2 * g)
                        - 0.040849 * Math.sin(2 * g));
        double decl = 0.006918
                - 0.399912 * Math.cos(g)
                + 0.070257 * Math.sin(g)
                - 0.006758 * Math.cos(2 * g)
                + 0.000907 * Math.sin(2 * g)
                - 0.002697 * Math.cos(3 * g)
                + 0.00148 * Math.sin(3 * g);
        double minutes = Math.floorMod(Math.round((hour * 60 + eqTime + 4 * lon) * 1e6), 1440L * 1_000_000) / 1e6;
        double hourAngle = Math.toRadians(minutes / 4 - 180);
        double phi = Math.toRadians(lat);
        double sinElevation = Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.cos(hourAngle);
        double elevation = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinElevation))));
        double azimuth = Math.toDegrees(
                Math.atan2(-Math.sin(hourAngle), Math.tan(decl) * Math.cos(phi) - Math.sin(phi) * Math.cos(hourAngle)));
        double noon = 90 - Math.abs(lat - Math.toDegrees(decl));
        return new SolarPosition(elevation, (azimuth + 360) % 360, minutes / 60, Math.min(90, noon));
    }
}
