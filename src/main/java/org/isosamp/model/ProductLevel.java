package org.isosamp.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven product levels of an OBSERVATION retrieval ({@code product_level}). */
public enum ProductLevel {
    /** The selected pack that best characterises the observation: pipeline or HPDP products. */
    DEFAULT_DATA_SET,
    /** Instrument-independent images or spectra, as close as automatic means get. */
    FULLY_PROC,
    /** Unpacked telemetry, no reduction. */
    RAW_DATA,
    /** Intermediate processing with calibration files, physical units. */
    BASIC_SCIENCE,
    /** Fully reduced standard data sets for survey work. */
    QUICK_LOOK,
    /** Highly Processed Data Products beyond OLP 10. */
    HPDP,
    /** Everything. */
    ALL;

    /**
     * Parses a product level case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static ProductLevel parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown product_level \"" + s + "\" (expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
    }
}
