package org.isosamp.topcat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.NameResolver;
import org.isosamp.archive.QueryRequest;
import org.isosamp.model.SkyPosition;

/**
 * One search the load dialog asks for, read and checked from the form's text on the event thread (cheap, no I/O),
 * so that a wrong field is reported before anything is sent; the ADQL is made on the worker thread, where a target
 * name may need resolving. Immutable.
 *
 * @param table  the table searched by a cone or a TDT (one of {@link #TABLES})
 * @param kind   what the user searches by
 * @param text   the position or target name (cone), the TDT, or the ADQL
 * @param radius the cone's radius, degrees; 0 for other kinds
 * @param maxrec MAXREC, at least 1
 */
record IsoSearch(String table, Kind kind, String text, double radius, long maxrec) {

    /** The tables the form offers; each has a footprint for cones ({@link IsoArchive#CONE_TABLES}). */
    static final List<String> TABLES = List.of("ida.observations", "ivoa.obscore", "ivoa.ssap", "ivoa.siap");

    private static final Pattern TDT = Pattern.compile("[0-9]{1,10}");

    /** What a search is by. */
    enum Kind {
        /** A position or a target name, and a radius. */
        CONE,
        /** One observation, by its TDT. */
        TDT,
        /** The user's own ADQL. */
        ADQL
    }

    IsoSearch {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text.trim();
        if (maxrec < 1) {
            throw new IllegalArgumentException("MAXREC (" + maxrec + ") must be at least 1");
        }
        if (kind != Kind.ADQL && !TABLES.contains(table)) {
            throw new IllegalArgumentException("table \"" + table + "\" is not one of " + TABLES);
        }
        switch (kind) {
            case CONE -> {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("no position or target name given (e.g. M31 or "
                                                       + "\"10.684708 41.26875\")");
                }
                if (!(radius > 0 && radius <= 180)) {
                    throw new IllegalArgumentException("radius (" + radius + ") must be within (0, 180] degrees");
                }
                // a typed position is checked now; a name waits for the resolver
                SkyPosition.parseIfCoordinates(text);
            }
            case TDT -> {
                if (!TDT.matcher(text).matches()) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a TDT: expected 1 to 10 digits");
                }
            }
            case ADQL -> {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("no ADQL given");
                }
            }
        }
    }

    /**
     * Reads the form's fields.
     *
     * @throws IllegalArgumentException naming the field and the reason when one is wrong
     */
    static IsoSearch read(String table, Kind kind, String text, String radius, String maxrec) {
        return new IsoSearch(table, kind, text, kind == Kind.CONE ? number("radius", radius) : 0,
                             (long) whole("MAXREC", maxrec));
    }

    /**
     * @param resolver turns a target name into a position (called only for a cone on a name; may do I/O)
     * @return the ADQL to send
     */
    String adql(Resolver resolver) throws java.io.IOException {
        return switch (kind) {
            case CONE -> {
                SkyPosition p = SkyPosition.parseIfCoordinates(text).orElse(null);
                if (p == null) {
                    p = resolver.resolve(text);
                }
                yield IsoArchive.coneQuery(table, p.raDeg(), p.decDeg(), radius);
            }
            // ida.observations keeps the TDT as a number; the IVOA tables as obs_id, a string of 8 digits or more
            case TDT -> table.equals("ida.observations")
                ? "SELECT * FROM ida.observations WHERE tdt = " + Long.parseLong(text)
                : "SELECT * FROM " + table + " WHERE obs_id = '" + String.format(Locale.ROOT, "%08d",
                                                                                   Long.parseLong(text)) + "'";
            case ADQL -> text;
        };
    }

    /** @return the request for {@code adql}, with this search's MAXREC */
    QueryRequest request(String adql) {
        return QueryRequest.builder(adql).maxrec(maxrec).build();
    }

    /** @return a short label for TOPCAT's table list and progress: {@code ISO ida.observations cone M31 0.1°} */
    String label() {
        return switch (kind) {
            case CONE -> "ISO " + table + " cone " + text + " r=" + radius;
            case TDT -> "ISO " + table + " TDT " + text;
            case ADQL -> "ISO ADQL " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
        };
    }

    /** A target name resolver ({@link NameResolver#resolve} in production). */
    @FunctionalInterface
    interface Resolver {
        /** @return the name's position */
        SkyPosition resolve(String name) throws java.io.IOException;
    }

    private static double number(String field, String text) {
        try {
            return Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not a number");
        }
    }

    private static double whole(String field, String text) {
        try {
            return Long.parseLong(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not a whole number");
        }
    }
}
