package org.isosamp.local.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.schema.Table;

/**
 * ADQL identifiers: regular ones ({@code observations}, case-insensitive) and
 * delimited ones ({@code "size"}, case-sensitive), and their H2 spelling
 * (always double-quoted). Stateless, thread-safe.
 */
final class Names {

    /** ADQL wants a leading letter; a leading _ is let through so that hidden columns read as unknown. */
    private static final Pattern REGULAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {
    }

    /** An identifier as the user wrote it, without its quotes. */
    record Ident(String name, boolean delimited) {

        /** @return whether this identifier names the stored (lower-case) name */
        boolean matches(String stored) {
            return delimited ? stored.equals(name) : stored.equalsIgnoreCase(name);
        }

        /** @return the name in the case used for a result label */
        String label() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Parses one identifier as JSqlParser hands it over (quotes included).
     *
     * @throws AdqlException for anything but a regular or double-quoted identifier
     *         (back-ticks, brackets, {@code $$...$$})
     */
    static Ident ident(String raw) throws AdqlException {
        if (raw == null || raw.isEmpty()) {
            throw new AdqlException("Empty identifier");
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            String inner = raw.substring(1, raw.length() - 1);
            if (inner.isEmpty() || inner.replace("\"\"", "").contains("\"")) {
                throw new AdqlException("Bad delimited identifier " + raw);
            }
            return new Ident(inner.replace("\"\"", "\""), true);
        }
        if (!REGULAR.matcher(raw).matches()) {
            throw new AdqlException("Unsupported identifier " + raw);
        }
        return new Ident(raw, false);
    }

    /**
     * @param t a table name or column qualifier, or null
     * @return its parts, innermost first ({@code [table, schema, ...]}); empty for null
     */
    static List<Ident> qualifier(Table t) throws AdqlException {
        List<Ident> out = new ArrayList<>();
        if (t != null && t.getNameParts() != null) {
            for (String part : t.getNameParts()) {
                if (part != null) {
                    out.add(ident(part));
                }
            }
        }
        return out;
    }

    /** @return {@code name} double-quoted for H2, inner quotes doubled */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** @return {@code s} as an SQL string literal, quotes doubled */
    static String literal(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }

    /** @return whether a column is hidden from users (e.g. the zone index column) */
    static boolean isHidden(String columnName) {
        return columnName.startsWith("_");
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
