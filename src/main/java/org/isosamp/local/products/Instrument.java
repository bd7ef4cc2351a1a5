package org.isosamp.local.products;

import java.util.Locale;

/** The four ISO instruments, as named by the first letter of an AOT, and what their synthetic products look like. */
enum Instrument {
    SWS('s', true, "SLOANSWS"),
    LWS('l', true, "LWSASTI"),
    CAM('c', false, "CAMBENDO"),
    PHT('p', false, "EXTRAKON");

    /** Lower-case letter starting the instrument's product file names ({@code s}, {@code l}, {@code c}, {@code p}). */
    final char prefix;
    /** True for the spectrometers (spectra), false for the imagers (images). */
    final boolean spectrometer;
    /** The HPDP collection used for this instrument's Highly Processed Data Products. */
    final String hpdpCollection;

    Instrument(char prefix, boolean spectrometer, String hpdpCollection) {
        this.prefix = prefix;
        this.spectrometer = spectrometer;
        this.hpdpCollection = hpdpCollection;
    }

    /**
     * The instrument named by an AOT's first letter (S SWS, L LWS, C CAM, P PHT); unknown letters fall back to
     * CAM-like image products so that every observation still gets an OBSERVATION tar and a postcard.
     */
    static Instrument of(String aotname) {
        if (aotname == null || aotname.isEmpty()) {
            return CAM;
        }
        switch (Character.toUpperCase(aotname.charAt(0))) {
        case 'S':
            return SWS;
        case 'L':
            return LWS;
        case 'P':
            return PHT;
        default:
            return CAM;
        }
    }

    /** True if the AOT's first letter names a known instrument. */
    static boolean known(String aotname) {
        return aotname != null && !aotname.isEmpty() && "SLCP".indexOf(Character.toUpperCase(aotname.charAt(0))) >= 0;
    }

    /** The instrument keyword value, e.g. {@code LWS}. */
    String keyword() {
        return name();
    }

    /** The AOT as printed in titles, e.g. {@code LWS01} for {@code L01}. */
    static String aotLabel(String aotname) {
        if (aotname == null || aotname.length() < 2) {
            return aotname == null ? "" : aotname;
        }
        return of(aotname).name() + aotname.substring(1).toUpperCase(Locale.ROOT);
    }
}
