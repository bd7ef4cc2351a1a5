package org.isosamp.model;

import java.util.Locale;

/** What the IDA data endpoint returns for one observation ({@code retrieval_type}). */
public enum RetrievalType {
    /** A tar of the observation's products at one product level. */
    OBSERVATION,
    /** One Virtual Observatory product (a FITS spectrum or image), where the observation has one. */
    STANDALONE,
    /** A PNG preview. */
    POSTCARD;

    /**
     * Parses a retrieval type case-insensitively.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static RetrievalType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown retrieval_type \"" + s
                + "\" (expected OBSERVATION, STANDALONE or POSTCARD)");
        }
    }
}
