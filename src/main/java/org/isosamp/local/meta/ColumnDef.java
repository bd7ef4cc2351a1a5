package org.isosamp.local.meta;

import java.util.Locale;
import java.util.Objects;

/**
 * One column of a table served by the local archive: the single source of its
 * VOSI {@code /tables} entry, its {@code TAP_SCHEMA.columns} row, its result
 * {@code FIELD} and its H2 column type.
 *
 * @param name        column name, lower case, as stored (regular ADQL identifier)
 * @param datatype    VOTable datatype: char, unicodeChar, boolean, short, int, long, float, double
 * @param arraysize   VOTable arraysize ({@code "*"}, {@code "8"}, {@code "8*"}) or null for scalars
 * @param xtype       VOTable/DALI xtype (timestamp, adql:REGION, ...) or null
 * @param unit        VOUnit string or null
 * @param ucd         UCD1+ string or null
 * @param utype       utype or null
 * @param description free text, never null
 * @param principal   TAP_SCHEMA principal flag
 * @param indexed     TAP_SCHEMA indexed flag
 * @param std         TAP_SCHEMA std flag
 */
public record ColumnDef(String name, String datatype, String arraysize, String xtype,
                        String unit, String ucd, String utype, String description,
                        boolean principal, boolean indexed, boolean std) {

    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name is empty");
        }
        switch (datatype) {
            case "char", "unicodeChar", "boolean", "short", "int", "long", "float", "double" -> { }
            default -> throw new IllegalArgumentException(
                "column " + name + ": unsupported VOTable datatype \"" + datatype + "\"");
        }
        arraysize = blankToNull(arraysize);
        xtype = blankToNull(xtype);
        unit = blankToNull(unit);
        ucd = blankToNull(ucd);
        utype = blankToNull(utype);
        description = description == null ? "" : description;
        if (isString(datatype) && arraysize == null) {
            arraysize = "*";
        }
    }

    /** A plain column: no unit, UCD, utype, flags. */
    public static ColumnDef of(String name, String datatype, String description) {
        return new ColumnDef(name, datatype, null, null, null, null, null, description,
                             false, false, false);
    }

    /** @return true for char/unicodeChar columns (strings). */
    public boolean isString() {
        return isString(datatype);
    }

    /** @return the H2 SQL type used to store this column. */
    public String sqlType() {
        return switch (datatype) {
            case "char", "unicodeChar" -> "VARCHAR";
            case "boolean" -> "BOOLEAN";
            case "short" -> "SMALLINT";
            case "int" -> "INTEGER";
            case "long" -> "BIGINT";
            case "float" -> "REAL";
            case "double" -> "DOUBLE PRECISION";
            default -> throw new AssertionError(datatype);
        };
    }

    /** @return the TAP_SCHEMA 1.1 {@code datatype} value (VOTable type name). */
    public String tapType() {
        return datatype;
    }

    /** @return the Java class of values in result tables (for STIL ColumnInfo). */
    public Class<?> javaClass() {
        return switch (datatype) {
            case "char", "unicodeChar" -> String.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> throw new AssertionError(datatype);
        };
    }

    /** @return a copy with another name (for result columns renamed by AS). */
    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, datatype, arraysize, xtype, unit, ucd, utype, description,
                             principal, indexed, std);
    }

    private static boolean isString(String datatype) {
        return "char".equals(datatype) || "unicodeChar".equals(datatype);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * @return the name as TAP_SCHEMA and {@code /tables} publish it: delimited
     *         ({@code "size"}) when it is an ADQL reserved word
     */
    public String publishedName() {
        return AdqlReserved.publish(name);
    }

    /** @return name in lower case (the key used for case-insensitive look-ups). */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
