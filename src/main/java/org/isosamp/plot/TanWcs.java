package org.isosamp.plot;

import java.util.Locale;
import java.util.Optional;
import nom.tam.fits.Header;
import org.isosamp.model.SkyPosition;

/**
 * A celestial gnomonic (TAN) WCS, read from a FITS header: enough for ISO's images, which are small fields with
 * {@code RA---TAN}/{@code DEC--TAN} axes. The linear part is {@code CDi_j}, else {@code PCi_j} times
 * {@code CDELTi}, else {@code CDELTi} with {@code CROTA2}; {@code CRVAL} is the reference point (the native pole at
 * {@code LONPOLE} 180°, the default for a zenithal projection). Other projections ({@code SIN}, {@code ARC}, ...),
 * distortion ({@code SIP}, {@code PV}) and non-celestial axes are not read: {@link #from} gives nothing for them,
 * and a plot falls back to pixel axes. Coordinates are in the header's own frame ({@code RADESYS}, by default ICRS).
 *
 * <p>Pixel coordinates are FITS's: 1-based, {@code (1, 1)} the centre of the first pixel.
 *
 * <p>Immutable and thread-safe.
 */
public final class TanWcs {

    private final double crpix1;
    private final double crpix2;
    private final double ra0;
    private final double dec0;
    private final double[] cd;
    private final String frame;

    private TanWcs(double crpix1, double crpix2, double ra0, double dec0, double[] cd, String frame) {
        this.crpix1 = crpix1;
        this.crpix2 = crpix2;
        this.ra0 = Math.toRadians(ra0);
        this.dec0 = Math.toRadians(dec0);
        this.cd = cd;
        this.frame = frame;
    }

    /**
     * @param h an image header
     * @return its TAN WCS, or empty when the header has none (no {@code RA---TAN}/{@code DEC--TAN} pair on axes 1
     *         and 2, or a singular or missing scale)
     */
    public static Optional<TanWcs> from(Header h) {
        String c1 = h.getStringValue("CTYPE1", "").trim().toUpperCase(Locale.ROOT);
        String c2 = h.getStringValue("CTYPE2", "").trim().toUpperCase(Locale.ROOT);
        if (!c1.equals("RA---TAN") || !c2.equals("DEC--TAN")) {
            return Optional.empty();
        }
        double[] cd;
        if (h.containsKey("CD1_1") || h.containsKey("CD2_2")) {
            cd = new double[] {h.getDoubleValue("CD1_1", 0), h.getDoubleValue("CD1_2", 0),
                               h.getDoubleValue("CD2_1", 0), h.getDoubleValue("CD2_2", 0)};
        } else {
            double d1 = h.getDoubleValue("CDELT1", 0);
            double d2 = h.getDoubleValue("CDELT2", 0);
            if (h.containsKey("PC1_1") || h.containsKey("PC1_2") || h.containsKey("PC2_1") || h.containsKey("PC2_2")) {
                cd = new double[] {d1 * h.getDoubleValue("PC1_1", 1), d1 * h.getDoubleValue("PC1_2", 0),
                                   d2 * h.getDoubleValue("PC2_1", 0), d2 * h.getDoubleValue("PC2_2", 1)};
            } else {
                // AIPS convention: CROTA2 turns the pixel grid
                double rot = Math.toRadians(h.getDoubleValue("CROTA2", 0));
                double c = Math.cos(rot);
                double s = Math.sin(rot);
                cd = new double[] {d1 * c, -d2 * s, d1 * s, d2 * c};
            }
        }
        double det = cd[0] * cd[3] - cd[1] * cd[2];
        if (!(Math.abs(det) > 0) || !Double.isFinite(det)) {
            return Optional.empty();
        }
        String frame = h.getStringValue("RADESYS", "").trim();
        if (frame.isEmpty()) {
            frame = h.getStringValue("RADECSYS", "ICRS").trim();
        }
        return Optional.of(new TanWcs(h.getDoubleValue("CRPIX1", 0), h.getDoubleValue("CRPIX2", 0),
                                      h.getDoubleValue("CRVAL1", 0), h.getDoubleValue("CRVAL2", 0), cd,
                                      frame.isEmpty() ? "ICRS" : frame));
    }

    /** @return the celestial frame the coordinates are in ({@code RADESYS}: ICRS, FK5, ...) */
    public String frame() {
        return frame;
    }

    /** @return the reference pixel {@code (CRPIX1, CRPIX2)} */
    public double[] referencePixel() {
        return new double[] {crpix1, crpix2};
    }

    /**
     * @param x FITS pixel coordinate along axis 1 (1-based; may be fractional or outside the image)
     * @param y FITS pixel coordinate along axis 2
     * @return the sky position there (RA in [0, 360))
     */
    public SkyPosition toSky(double x, double y) {
        double dx = x - crpix1;
        double dy = y - crpix2;
        // intermediate world coordinates (the projection plane), radians
        double xi = Math.toRadians(cd[0] * dx + cd[1] * dy);
        double eta = Math.toRadians(cd[2] * dx + cd[3] * dy);
        // inverse gnomonic projection about (ra0, dec0)
        double den = Math.cos(dec0) - eta * Math.sin(dec0);
        double ra = ra0 + Math.atan2(xi, den);
        double dec = Math.atan2(Math.sin(dec0) + eta * Math.cos(dec0), Math.hypot(xi, den));
        double raDeg = Math.toDegrees(ra) % 360;
        if (raDeg < 0) {
            raDeg += 360;
        }
        if (raDeg >= 360) {
            raDeg = 0;   // -1e-17 + 360 rounds to 360
        }
        return new SkyPosition(raDeg, Math.toDegrees(dec));
    }

    /** @return RA as sexagesimal hours, {@code 02h12m00.0s} */
    static String formatRa(double raDeg) {
        double h = ((raDeg % 360) + 360) % 360 / 15;
        long tenths = Math.round(h * 36000);   // tenths of a second of time
        tenths %= 24 * 36000;
        return String.format(Locale.ROOT, "%02dh%02dm%04.1fs", tenths / 36000, tenths / 600 % 60,
                             tenths % 600 / 10.0);
    }

    /** @return Dec as sexagesimal degrees, {@code +61°30'00"} */
    static String formatDec(double decDeg) {
        long s = Math.round(Math.abs(decDeg) * 3600);
        return String.format(Locale.ROOT, "%s%02d°%02d'%02d\"", decDeg < 0 ? "-" : "+", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public String toString() {
        SkyPosition ref = toSky(crpix1, crpix2);
        return String.format(Locale.ROOT, "TAN WCS (%s) at (%.3f, %.6f) on pixel (%s, %s)", frame, ref.raDeg(),
                             ref.decDeg(), crpix1, crpix2);
    }
}
