package org.isosamp.model;

/**
 * A column of an archive table as the service describes it (VOSI or TAP_SCHEMA).
 * Fields may be null where the service says nothing.
 */
public record ColumnMeta(String name, String datatype, String arraysize, String unit, String ucd,
                         String utype, String description) {
}
