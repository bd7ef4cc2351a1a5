package org.isosamp.local.tap;

import java.util.Locale;

/** Output formats of TAP results ({@code FORMAT} / {@code RESPONSEFORMAT}). */
enum ResultFormat {
    VOTABLE_BINARY2("application/x-votable+xml", "votable"),
    VOTABLE_TABLEDATA("application/x-votable+xml", "votable/td"),
    CSV("text/csv", "csv");

    final String mime;
    final String alias;

    ResultFormat(String mime, String alias) {
        this.mime = mime;
        this.alias = alias;
    }

    /**
     * @param value FORMAT value, or null for the default (VOTable, BINARY2 serialization)
     * @throws TapException (400) naming the unknown format
     */
    static ResultFormat parse(String value) throws TapException {
        if (value == null || value.isBlank()) {
            return VOTABLE_BINARY2;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        return switch (v) {
            case "votable", "application/x-votable+xml", "text/xml", "application/xml", "votable/b2",
                 "application/x-votable+xml;serialization=binary2", "vot" -> VOTABLE_BINARY2;
            case "votable/td", "application/x-votable+xml;serialization=tabledata" -> VOTABLE_TABLEDATA;
            case "csv", "text/csv", "text/csv;header=present" -> CSV;
            default -> throw new TapException(400, "Unsupported FORMAT \"" + value
                + "\" (supported: votable, votable/td, csv, and their MIME types)");
        };
    }
}
