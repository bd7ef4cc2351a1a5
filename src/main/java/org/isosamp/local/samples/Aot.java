package org.isosamp.local.samples;

import java.util.HashMap;
import java.util.Map;

/**
 * What the sample generators assume about each Astronomical Observation
 * Template (AOT) code of {@code ida.observations.aotname}: instrument, VO
 * product type and nominal aperture. Values are representative of ISO's
 * instruments, not taken from the archive.
 */
final class Aot {

    /** Footprint shapes. */
    enum Shape { RECT, CIRCLE }

    final String code;          // C01, S01, L//, ...
    final char instrument;      // S, L, C, P
    final String longName;      // CAM01, SWS01, CAM parallel, ...
    final String product;       // spectrum, image, cube or null (no VO product)
    final Shape shape;
    final double widthDeg;      // rect width or circle diameter
    final double heightDeg;     // rect height (= width for circles)
    final double emMinUm;       // default wavelength range, um
    final double emMaxUm;
    final double resPower;      // default spectral resolving power
    final double resolutionArcsec;
    final int emXel;

    private Aot(String code, String longName, String product, Shape shape, double wArcsec,
                double hArcsec, double emMinUm, double emMaxUm, double resPower,
                double resolutionArcsec, int emXel) {
        this.code = code;
        this.instrument = code.charAt(0);
        this.longName = longName;
        this.product = product;
        this.shape = shape;
        this.widthDeg = wArcsec / 3600.0;
        this.heightDeg = hArcsec / 3600.0;
        this.emMinUm = emMinUm;
        this.emMaxUm = emMaxUm;
        this.resPower = resPower;
        this.resolutionArcsec = resolutionArcsec;
        this.emXel = emXel;
    }

    private static final Map<String, Aot> BY_CODE = new HashMap<>();

    static final Aot S01 = add(new Aot("S01", "SWS01", "spectrum", Shape.RECT, 20, 33, 2.38, 45.2, 500, 14, 30000));
    static final Aot S02 = add(new Aot("S02", "SWS02", "spectrum", Shape.RECT, 14, 20, 2.38, 45.2, 1500, 14, 2000));
    static final Aot S07 = add(new Aot("S07", "SWS07", "spectrum", Shape.RECT, 14, 27, 11.4, 44.5, 30000, 14, 1000));
    static final Aot L01 = add(new Aot("L01", "LWS01", "spectrum", Shape.CIRCLE, 80, 80, 43.0, 196.7, 200, 80, 9600));
    static final Aot LPAR = add(new Aot("L//", "LWS parallel", null, Shape.CIRCLE, 80, 80, 43.0, 196.7, 200, 80, 0));
    static final Aot C01 = add(new Aot("C01", "CAM01", "image", Shape.RECT, 180, 180, 5.0, 8.5, 2, 6, 1));
    static final Aot C03 = add(new Aot("C03", "CAM03", null, Shape.RECT, 180, 180, 5.0, 8.5, 2, 6, 1));
    static final Aot C04 = add(new Aot("C04", "CAM04", "cube", Shape.RECT, 180, 180, 5.0, 16.5, 40, 6, 200));
    static final Aot CPAR = add(new Aot("C//", "CAM parallel", null, Shape.RECT, 180, 180, 5.0, 8.5, 2, 6, 1));
    static final Aot C63 = add(new Aot("C63", "CAM63", null, Shape.RECT, 180, 180, 5.0, 8.5, 2, 6, 1));
    static final Aot P03 = add(new Aot("P03", "PHT03", null, Shape.CIRCLE, 99, 99, 10.0, 13.0, 4, 99, 1));
    static final Aot P22 = add(new Aot("P22", "PHT22", "image", Shape.RECT, 132, 132, 65.0, 115.0, 2, 43.5, 1));
    static final Aot P32 = add(new Aot("P32", "PHT32", "image", Shape.RECT, 180, 180, 130.0, 218.0, 2, 89.4, 1));
    static final Aot P40 = add(new Aot("P40", "PHT40", "spectrum", Shape.RECT, 24, 24, 2.5, 11.6, 90, 24, 128));

    private static Aot add(Aot a) {
        BY_CODE.put(a.code, a);
        return a;
    }

    static Aot of(String code) {
        Aot a = BY_CODE.get(code);
        if (a == null) {
            throw new IllegalArgumentException("unknown AOT " + code);
        }
        return a;
    }

    /** @return SWS, LWS, CAM or PHT (the instrument of ida.observations.instid). */
    String instid() {
        return switch (instrument) {
            case 'S' -> "SWS";
            case 'L' -> "LWS";
            case 'C' -> "CAM";
            case 'P' -> "PHT";
            default -> throw new AssertionError(instrument);
        };
    }

    /** @return the ObsCore instrument_name. */
    String instrumentName() {
        return switch (instrument) {
            case 'S' -> "SWS";
            case 'L' -> "LWS";
            case 'C' -> "ISOCAM";
            case 'P' -> "ISOPHOT";
            default -> throw new AssertionError(instrument);
        };
    }

    boolean parallel() {
        return code.endsWith("//");
    }

    /** SSAP units of a spectrum of this AOT. */
    String spectrumUnits() {
        return instrument == 'L' ? "um W/cm^2/um" : "um Jy";
    }
}
