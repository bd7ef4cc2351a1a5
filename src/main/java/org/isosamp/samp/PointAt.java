package org.isosamp.samp;

import java.util.Locale;

/**
 * One {@code coord.pointAt.sky} that passed validation: a sky position in degrees (ICRS), right ascension in
 * [0, 360), declination in [-90, 90], and who sent it.
 *
 * @param seq its number in arrival order (1, 2, ...), per {@link ConeSearcher}
 * @param raDeg right ascension, degrees, in [0, 360)
 * @param decDeg declination, degrees, in [-90, 90]
 * @param senderId the sender's public id on the hub
 */
public record PointAt(long seq, double raDeg, double decDeg, String senderId) {

    /** @return the position as {@code 10.6847 +41.2690} (4 decimals, about a third of an arcsecond) */
    public String position() {
        return String.format(Locale.ROOT, "%.4f %+.4f", raDeg, decDeg);
    }

    @Override
    public String toString() {
        return "pointAt #" + seq + " " + position();
    }
}
