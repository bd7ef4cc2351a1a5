package org.isosamp.local.samples;

/**
 * One observation as the sample generators see it; {@link ObsColumns} turns
 * it into rows of ida.observations, ivoa.obscore, ivoa.ssap and ivoa.siap.
 * Mutable on purpose (the scale generator fills a fresh one per row).
 */
final class Obs {

    static final String DATA_URL = "http://nida.esac.esa.int/nida-sl-tap/data?RETRIEVAL_TYPE=STANDALONE&obsno=";
    static final String DID_PREFIX = "ivo://esavo/iso/ida?obsno=";

    /** MJD of 1970-01-01. */
    static final double MJD_EPOCH = 40587.0;

    int tdt;
    int obsno;
    int revno;
    Aot aot;
    String target;           // "" for calibrations, null when unknown
    Double raH;              // hours
    Double raDeg;
    Double dec;
    Double cra;
    Double cdec;
    Double croll;
    String region;           // s_region: the aperture at the nominal pointing
    String regionFov;        // s_region_fov: everything the observation covered
    String fovPg;            // fov: regionFov as pgSphere text, radians
    double fovDiameter;      // deg, diameter of the circle around (ra,dec) holding the footprint
    long startSec;           // epoch seconds, UTC
    int durationSec;
    int targetno;
    String propid;
    String obsid;
    String objectType;
    String comment;
    String caveat;
    boolean calibration;
    String product;          // spectrum, image, cube, null
    String filter;           // CAM/PHT filter, null otherwise
    double emMinUm;
    double emMaxUm;
    double resPower;
    Integer speed;           // SWS01 speed
    int naxis1 = 1;
    int naxis2 = 1;
    double pixelArcsec;
    long sizeKb;
    short hpdp;
    short usredata;
    int numPublications;

    /** Sets ra (hours, as given) and the derived ra_deg = ra * 15, rounded to 1e-9 deg. */
    void setRaHours(Double hours) {
        raH = hours;
        raDeg = hours == null ? null : Sky.round(hours * 15.0, 9);
    }

    /** Sets ra from degrees: hours rounded to 1e-9 h, then ra_deg = ra * 15 exactly as above. */
    void setRaDegrees(double deg) {
        double h = Sky.round(deg / 15.0, 9);
        setRaHours(h >= 24.0 ? h - 24.0 : h);
    }

    String tdtChar() {
        return pad(tdt, 8);
    }

    String obsnoChar() {
        return pad(obsno, 9);
    }

    String dataUrl() {
        return DATA_URL + obsnoChar();
    }

    String publisherDid() {
        return DID_PREFIX + obsnoChar();
    }

    /** e.g. {@code ISO SWS01 Spectrum Target: M31_BULGE}. */
    String title() {
        String kind = switch (product) {
            case "spectrum" -> " Spectrum";
            case "image" -> " Image";
            default -> " Cube";
        };
        return "ISO " + aot.longName + kind + " Target: " + (target == null ? "" : target);
    }

    String type() {
        return calibration ? "calibration" : aot.parallel() ? "parallel" : "science";
    }

    private String startStr;
    private String endStr;

    String startTime() {
        if (startStr == null) {
            startStr = Sky.timestamp(startSec);
        }
        return startStr;
    }

    String endTime() {
        if (endStr == null) {
            endStr = Sky.timestamp(startSec + durationSec);
        }
        return endStr;
    }

    double tMin() {
        return Sky.round(startSec / 86400.0 + MJD_EPOCH, 6);
    }

    double tMax() {
        return Sky.round((startSec + durationSec) / 86400.0 + MJD_EPOCH, 6);
    }

    String wavelengths() {
        StringBuilder sb = new StringBuilder(16);
        Sky.appendFixed(sb, emMinUm, 2);
        sb.append('-');
        Sky.appendFixed(sb, emMaxUm, 2);
        return sb.toString();
    }

    static String pad(int v, int width) {
        StringBuilder sb = new StringBuilder(width);
        Sky.pad(sb, v, width);
        return sb.toString();
    }

    /** Start of a revolution, MJD: rev 2 ~ 1995-11-21, rev 875 ~ 1998-04-08 (approximate). */
    static double revStartMjd(int rev) {
        return 50040.0 + rev * 0.99542;
    }

    /** Start time of an observation, derived from its TDT (parallel observations share their prime's). */
    static long startSecFor(int tdt) {
        int rev = tdt / 100000;
        double frac = (tdt % 100000) / 100000.0;
        double mjd = revStartMjd(rev) + 0.17 + 0.66 * frac;
        return Math.round((mjd - MJD_EPOCH) * 86400.0);
    }
}
