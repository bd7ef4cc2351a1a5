package org.isosamp.local.adql;

import org.isosamp.local.meta.ColumnDef;

/**
 * FIELD metadata of computed expressions, as {@link ColumnDef}s with a
 * placeholder name (the label is set when the select item is labelled).
 * Stateless, thread-safe.
 */
final class Types {

    static final String PLACEHOLDER = "expr";
    static final String XTYPE_REGION = "adql:REGION";
    static final String XTYPE_POINT = "adql:POINT";

    static final ColumnDef SHORT = of("short");
    static final ColumnDef INT = of("int");
    static final ColumnDef LONG = of("long");
    static final ColumnDef DOUBLE = of("double");
    static final ColumnDef STRING = of("char");
    static final ColumnDef BOOLEAN = of("boolean");
    static final ColumnDef DEG = withUnit(DOUBLE, "deg");
    static final ColumnDef REGION = geometry(XTYPE_REGION);
    static final ColumnDef POINT = geometry(XTYPE_POINT);

    private Types() {
    }

    static ColumnDef of(String datatype) {
        return ColumnDef.of(PLACEHOLDER, datatype, "");
    }

    private static ColumnDef geometry(String xtype) {
        return new ColumnDef(PLACEHOLDER, "char", "*", xtype, null, null, null, "",
                             false, false, false);
    }

    static ColumnDef withUnit(ColumnDef t, String unit) {
        return new ColumnDef(t.name(), t.datatype(), t.arraysize(), t.xtype(), unit, null, null, "",
                             false, false, false);
    }

    /** @return only the datatype (and arraysize) of {@code t}: no unit, UCD, ... */
    static ColumnDef bare(ColumnDef t) {
        return new ColumnDef(PLACEHOLDER, t.datatype(), t.arraysize(), null, null, null, null, "",
                             false, false, false);
    }

    static boolean isInteger(ColumnDef t) {
        return switch (t.datatype()) {
            case "short", "int", "long" -> true;
            default -> false;
        };
    }

    static boolean isNumeric(ColumnDef t) {
        return isInteger(t) || "float".equals(t.datatype()) || "double".equals(t.datatype());
    }

    static boolean isString(ColumnDef t) {
        return t.isString();
    }

    static boolean isGeometry(ColumnDef t) {
        return t.isString();
    }

    /**
     * The type of {@code a op b} for +, -, *, /: integer if both are integers
     * (H2, like PostgreSQL, divides integers by truncation), else double.
     */
    static ColumnDef arithmetic(ColumnDef a, ColumnDef b) {
        if (isInteger(a) && isInteger(b)) {
            return "long".equals(a.datatype()) || "long".equals(b.datatype()) ? LONG : INT;
        }
        return DOUBLE;
    }
}
