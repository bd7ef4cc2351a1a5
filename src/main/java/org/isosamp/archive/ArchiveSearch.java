package org.isosamp.archive;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.isosamp.model.SkyPosition;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * One search of the ISO archive as a user asks it, turned into ADQL in one place for every face (the command line,
 * TOPCAT's load dialog, the desktop window): a cone (a position or a target name, and a radius), a TDT, a
 * revolution, an instrument and/or an AOT, a time range, all of them combinable (ANDed), or the user's own ADQL.
 * Each field is mapped onto the chosen table's own columns:
 *
 * <table>
 * <caption>What each field is on each table</caption>
 * <tr><th>field</th><th>ida.observations</th><th>ivoa.obscore</th><th>ivoa.ssap, ivoa.siap</th></tr>
 * <tr><td>cone</td><td colspan="3">{@code INTERSECTS(CIRCLE('ICRS',ra,dec,r),s_region_fov)=1}</td></tr>
 * <tr><td>TDT</td><td>{@code tdt = N}</td><td>{@code obs_id = '0NNNNNNN'} (8 digits)</td><td>{@code tdt = N}</td></tr>
 * <tr><td>revolution</td><td>{@code revno = R}</td><td>{@code obs_id LIKE 'RRR%'}</td>
 *     <td>{@code tdt BETWEEN R*100000 AND R*100000+99999}</td></tr>
 * <tr><td>instrument</td><td>{@code instid = 'CAM'}</td><td colspan="2">{@code instrument_name = 'ISOCAM'}</td></tr>
 * <tr><td>AOT</td><td>{@code aotname = 'C01'}</td><td>(none: refused)</td><td>{@code aotname = 'C01'}</td></tr>
 * <tr><td>time</td><td>overlap of {@code start_time}..{@code end_time} (UTC strings)</td>
 *     <td>overlap of {@code t_min}..{@code t_max} (MJD)</td><td>{@code date_obs} within the range</td></tr>
 * </table>
 *
 * Any other table takes ADQL, or no field at all (its rows up to MAXREC). Nothing user-typed reaches the ADQL
 * unchecked: numbers are parsed, the AOT matches ISO's pattern, and every string literal is quoted
 * ({@link #literal}). A target name is resolved only when the ADQL is made ({@link #adql(Resolver)}), on the
 * caller's thread, since that may need the network.
 *
 * <pre>{@code
 * ArchiveSearch s = ArchiveSearch.builder("ida.observations")
 *         .target("M31").radius(0.2).instrument(ArchiveSearch.Instrument.SWS).maxrec(1000).build();
 * QueryResult r = archive.query(s.request(archive));     // resolves M31 (Sesame, else the archive's targets)
 * ArchiveSearch t = ArchiveSearch.builder("ivoa.obscore")
 *         .text(ArchiveSearch.Field.REVOLUTION, "437").text(ArchiveSearch.Field.START, "1997-01-27").build();
 * }</pre>
 *
 * <p>A wrong value fails at once with a {@link BadField} (an {@link IllegalArgumentException}) whose message names
 * the field as a form labels it ({@code Revolution "x" is not a whole number}) and whose {@link BadField#field()}
 * says which, so that a form can put the cursor there.
 *
 * <p><b>Thread-safety:</b> immutable; the builder is not thread-safe.
 */
public final class ArchiveSearch {

    /** The tables whose columns the form's fields are mapped onto; each has a footprint for cones. */
    public static final List<String> TABLES = List.of("ida.observations", "ivoa.obscore", "ivoa.ssap", "ivoa.siap");

    /** The radius of a cone when none is given, degrees. */
    public static final double DEFAULT_RADIUS = 0.1;

    /**
     * ISO's AOTs as {@code ida.observations.aotname} writes them, for a form to offer before (or without) the
     * archive's own list ({@link #aotValues}): the observing modes of the four instruments, and {@code C//}/{@code L//}
     * for CAM's and LWS's parallel and serendipity modes.
     */
    public static final List<String> KNOWN_AOTS = List.of(
        "C01", "C03", "C04", "C05", "C//", "L01", "L02", "L03", "L04", "L//",
        "P01", "P02", "P03", "P04", "P05", "P17", "P18", "P19", "P22", "P25", "P32", "P37", "P38",
        "P39", "P40", "S01", "S02", "S06", "S07");

    private static final Pattern TDT = Pattern.compile("[0-9]{1,10}");
    private static final Pattern AOT = Pattern.compile("[CLPS][0-9/]{2}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter UTC_MS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    /** The fields of a search, each with the label a form shows and error messages use. */
    public enum Field {
        /** the table searched */
        TABLE("Table"),
        /** a position or a target name */
        TARGET("Target"),
        /** the cone's radius, degrees */
        RADIUS("Radius"),
        /** a TDT */
        TDT("TDT"),
        /** a revolution (orbit) number */
        REVOLUTION("Revolution"),
        /** an instrument */
        INSTRUMENT("Instrument"),
        /** an AOT */
        AOT("AOT"),
        /** the start of the time range, UTC */
        START("Start"),
        /** the end of the time range, UTC */
        END("End"),
        /** the user's own ADQL */
        ADQL("ADQL"),
        /** most rows wanted */
        MAXREC("MAXREC");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** @return the label a form shows, e.g. {@code Revolution} */
        public String label() {
            return label;
        }
    }

    /** ISO's four instruments, with the names {@code ida.observations.instid} and the IVOA tables give them. */
    public enum Instrument {
        /** ISOCAM, the camera */
        CAM("ISOCAM"),
        /** the long-wavelength spectrometer */
        LWS("LWS"),
        /** ISOPHOT, the photo-polarimeter */
        PHT("ISOPHOT"),
        /** the short-wavelength spectrometer */
        SWS("SWS");

        private final String ivoaName;

        Instrument(String ivoaName) {
            this.ivoaName = ivoaName;
        }

        /** @return the name in {@code ivoa.*.instrument_name}: ISOCAM, LWS, ISOPHOT, SWS */
        public String ivoaName() {
            return ivoaName;
        }

        /** @return the first letter of this instrument's AOTs ({@code C} for CAM) */
        public char aotLetter() {
            return name().charAt(0);
        }

        /**
         * @param text CAM, ISOCAM, LWS, PHT, ISOPHOT or SWS, any case
         * @return the instrument
         * @throws BadField naming {@link Field#INSTRUMENT} when it is none of them
         */
        public static Instrument parse(String text) {
            String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            for (Instrument i : values()) {
                if (i.name().equals(t) || i.ivoaName.equals(t)) {
                    return i;
                }
            }
            throw new BadField(Field.INSTRUMENT, "Instrument \"" + text + "\" is not one of CAM, LWS, PHT, SWS");
        }
    }

    /** A wrong field: the message names it, as a form labels it. */
    public static final class BadField extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final Field field;

        /**
         * @param field   the wrong field
         * @param message what is wrong, naming the field
         */
        public BadField(Field field, String message) {
            super(message);
            this.field = Objects.requireNonNull(field, "field");
        }

        /** @return the wrong field */
        public Field field() {
            return field;
        }
    }

    /** Turns a target name into a position; may do I/O ({@link NameResolver} in production). */
    @FunctionalInterface
    public interface Resolver {
        /**
         * @param name the target name, as typed
         * @return its position
         * @throws IOException when it cannot be resolved
         */
        SkyPosition resolve(String name) throws IOException;
    }

    private final String table;
    private final String adql;
    private final String target;
    private final double radius;
    private final Long tdt;
    private final Integer revolution;
    private final Instrument instrument;
    private final String aot;
    private final LocalDateTime start;
    private final LocalDateTime end;
    private final long maxrec;

    private ArchiveSearch(Builder b) {
        this.table = b.table;
        this.adql = b.adql;
        this.target = b.target;
        this.radius = b.radius;
        this.tdt = b.tdt;
        this.revolution = b.revolution;
        this.instrument = b.instrument;
        this.aot = b.aot;
        this.start = b.start;
        this.end = b.end;
        this.maxrec = b.maxrec;
    }

    /**
     * @param table the table to search: one of {@link #TABLES} for the form's fields, or any table's qualified name
     * @return a builder with no field set, {@link #DEFAULT_RADIUS} and {@link QueryRequest#DEFAULT_MAXREC}
     * @throws BadField naming {@link Field#TABLE} when it is not a table name
     */
    public static Builder builder(String table) {
        return new Builder().table(table);
    }

    /**
     * @param adql the user's own query, sent as it is
     * @return a builder for that query
     * @throws BadField naming {@link Field#ADQL} when it is blank
     */
    public static Builder adqlBuilder(String adql) {
        return new Builder().adql(adql);
    }

    /** @return a builder holding this search, to make a variant */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** @return the table searched (meaningless for an ADQL search) */
    public String table() {
        return table;
    }

    /** @return the user's ADQL, when this is an ADQL search */
    public Optional<String> userAdql() {
        return Optional.ofNullable(adql);
    }

    /** @return the cone's position or target name as typed, when there is a cone */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** @return the cone's radius, degrees */
    public double radius() {
        return radius;
    }

    /** @return the TDT, when searched by TDT */
    public Optional<Long> tdt() {
        return Optional.ofNullable(tdt);
    }

    /** @return the revolution, when searched by revolution */
    public Optional<Integer> revolution() {
        return Optional.ofNullable(revolution);
    }

    /** @return the instrument, when searched by instrument */
    public Optional<Instrument> instrument() {
        return Optional.ofNullable(instrument);
    }

    /** @return the AOT ({@code S01}), when searched by AOT */
    public Optional<String> aot() {
        return Optional.ofNullable(aot);
    }

    /** @return the start of the time range (UTC), when given */
    public Optional<LocalDateTime> start() {
        return Optional.ofNullable(start);
    }

    /** @return the end of the time range (UTC, inclusive; a date alone is the end of that day), when given */
    public Optional<LocalDateTime> end() {
        return Optional.ofNullable(end);
    }

    /** @return MAXREC, at least 1 */
    public long maxrec() {
        return maxrec;
    }

    /** @return true when the ADQL needs a target name resolved ({@link #adql(Resolver)}) */
    public boolean needsResolver() {
        return target != null && SkyPosition.parseIfCoordinates(target).isEmpty();
    }

    /**
     * @return the ADQL of a search with no target name to resolve
     * @throws IllegalStateException when there is one ({@link #needsResolver()}): use {@link #adql(Resolver)}
     */
    public String adql() {
        if (needsResolver()) {
            throw new IllegalStateException("target \"" + target + "\" is a name: resolve it with adql(Resolver)");
        }
        try {
            return adql(name -> {
                throw new IllegalStateException("unreachable");
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param resolver turns the target name into a position (called only for a cone on a name)
     * @return the ADQL to send
     * @throws IOException when the name cannot be resolved
     */
    public String adql(Resolver resolver) throws IOException {
        if (adql != null) {
            return adql;
        }
        List<String> where = new ArrayList<>();
        if (target != null) {
            SkyPosition p = SkyPosition.parseIfCoordinates(target).orElse(null);
            if (p == null) {
                p = resolver.resolve(target);
            }
            // IsoArchive.coneQuery checks the numbers (a resolved name's too) and writes the one cone condition
            String cone = IsoArchive.coneQuery(table, p.raDeg(), p.decDeg(), radius);
            where.add(cone.substring(cone.indexOf(" WHERE ") + " WHERE ".length()));
        }
        boolean observations = table.equals("ida.observations");
        boolean obscore = table.equals("ivoa.obscore");
        if (tdt != null) {
            // ida.observations and SSA/SIA keep the TDT as a number; ObsCore as obs_id, 8 digits or more
            where.add(obscore ? "obs_id = " + literal(String.format(Locale.ROOT, "%08d", tdt)) : "tdt = " + tdt);
        }
        if (revolution != null) {
            long first = revolution * 100_000L;
            where.add(observations ? "revno = " + revolution
                : obscore ? "obs_id LIKE " + literal(String.format(Locale.ROOT, "%03d", revolution) + "%")
                : "tdt BETWEEN " + first + " AND " + (first + 99_999));
        }
        if (instrument != null) {
            where.add(observations ? "instid = " + literal(instrument.name())
                : "instrument_name = " + literal(instrument.ivoaName()));
        }
        if (aot != null) {
            where.add("aotname = " + literal(aot));
        }
        if (start != null) {
            where.add(observations ? "end_time >= " + literal(utc(start))
                : obscore ? "t_max >= " + mjd(start) : "date_obs >= " + literal(utc(start)));
        }
        if (end != null) {
            where.add(observations ? "start_time <= " + literal(utc(end))
                : obscore ? "t_min <= " + mjd(end) : "date_obs <= " + literal(utc(end)));
        }
        return "SELECT * FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    /**
     * @param archive the archive; a target name is resolved by {@link NameResolver#configured} on it
     * @return the request to run: this search's ADQL and MAXREC
     * @throws IOException when the target name cannot be resolved
     */
    public QueryRequest request(IsoArchive archive) throws IOException {
        return request(name -> NameResolver.configured(archive).resolve(name).position());
    }

    /**
     * @param resolver turns the target name into a position
     * @return the request to run: this search's ADQL and MAXREC
     * @throws IOException when the target name cannot be resolved
     */
    public QueryRequest request(Resolver resolver) throws IOException {
        return QueryRequest.builder(adql(resolver)).maxrec(maxrec).build();
    }

    /**
     * @return a short label, for a table list or a progress line:
     *         {@code ISO ida.observations cone M31 r=0.1 instrument SWS}
     */
    public String label() {
        if (adql != null) {
            String one = adql.strip().replaceAll("\\s+", " ");
            return "ISO ADQL " + (one.length() > 40 ? one.substring(0, 40) + "..." : one);
        }
        List<String> parts = new ArrayList<>(List.of("ISO", table));
        if (target != null) {
            parts.add("cone " + target + " r=" + radius);
        }
        if (tdt != null) {
            parts.add("TDT " + tdt);
        }
        if (revolution != null) {
            parts.add("rev " + revolution);
        }
        if (instrument != null) {
            parts.add("instrument " + instrument);
        }
        if (aot != null) {
            parts.add("AOT " + aot);
        }
        if (start != null) {
            parts.add("from " + utc(start));
        }
        if (end != null) {
            parts.add("to " + utc(end));
        }
        if (parts.size() == 2) {
            parts.add("(all rows)");
        }
        return String.join(" ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveSearch s && table.equals(s.table) && Objects.equals(adql, s.adql)
               && Objects.equals(target, s.target) && radius == s.radius && Objects.equals(tdt, s.tdt)
               && Objects.equals(revolution, s.revolution) && instrument == s.instrument && Objects.equals(aot, s.aot)
               && Objects.equals(start, s.start) && Objects.equals(end, s.end) && maxrec == s.maxrec;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, adql, target, radius, tdt, revolution, instrument, aot, start, end, maxrec);
    }

    @Override
    public String toString() {
        return "ArchiveSearch{" + label() + (adql != null ? " " + adql : "") + ", radius=" + radius + ", maxrec="
               + maxrec + "}";
    }

    /**
     * @param s any text
     * @return it as an ADQL string literal: in single quotes, each quote doubled
     */
    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** @return the query listing the AOTs the archive has (each AOT's first letter is its instrument's) */
    public static String aotValuesQuery() {
        return "SELECT DISTINCT aotname FROM ida.observations ORDER BY aotname";
    }

    /**
     * The AOTs the archive has, for a form to offer ({@code SELECT DISTINCT aotname FROM ida.observations}).
     *
     * @param archive the archive
     * @return its AOTs, sorted, blanks left out
     * @throws IOException when the query fails
     */
    public static List<String> aotValues(IsoArchive archive) throws IOException {
        StarTable t = archive.query(QueryRequest.builder(aotValuesQuery()).maxrec(10_000).build()).table();
        List<String> aots = new ArrayList<>();
        try (RowSequence rows = t.getRowSequence()) {
            while (rows.next()) {
                Object v = rows.getCell(0);
                String s = v == null ? "" : v.toString().trim();
                if (!s.isEmpty() && !aots.contains(s)) {
                    aots.add(s);
                }
            }
        }
        return List.copyOf(aots);
    }

    private static String utc(LocalDateTime t) {
        return (t.getNano() == 0 ? UTC : UTC_MS).format(t);
    }

    /** @return the Modified Julian Date of a UTC time, as ObsCore's {@code t_min}/{@code t_max} hold it */
    static double mjd(LocalDateTime t) {
        double seconds = t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
        return 40_587 + seconds / 86_400;
    }

    /** Builds an {@link ArchiveSearch}; each setter checks its value. Not thread-safe. */
    public static final class Builder {

        private String table = TABLES.get(0);
        private String adql;
        private String target;
        private double radius = DEFAULT_RADIUS;
        private Long tdt;
        private Integer revolution;
        private Instrument instrument;
        private String aot;
        private LocalDateTime start;
        private LocalDateTime end;
        private long maxrec = QueryRequest.DEFAULT_MAXREC;

        private Builder() {
        }

        private Builder(ArchiveSearch s) {
            table = s.table;
            adql = s.adql;
            target = s.target;
            radius = s.radius;
            tdt = s.tdt;
            revolution = s.revolution;
            instrument = s.instrument;
            aot = s.aot;
            start = s.start;
            end = s.end;
            maxrec = s.maxrec;
        }

        /**
         * Sets a field from a form's text; blank text clears it (MAXREC and the radius go back to their defaults).
         *
         * @param field the field
         * @param text  its text, as typed
         * @return this builder
         * @throws BadField naming the field when the text is not a valid value
         */
        public Builder text(Field field, String text) {
            String t = text == null ? "" : text.strip();
            boolean blank = t.isEmpty();
            switch (field) {
                case TABLE -> table(t);
                case TARGET -> {
                    if (blank) {
                        target = null;
                    } else {
                        target(t);
                    }
                }
                case RADIUS -> radius(blank ? DEFAULT_RADIUS : number(field, t));
                case TDT -> {
                    if (blank) {
                        tdt = null;
                    } else if (!TDT.matcher(t).matches()) {
                        throw new BadField(field, "TDT \"" + t + "\" is not a TDT: expected 1 to 10 digits");
                    } else {
                        tdt(Long.parseLong(t));
                    }
                }
                case REVOLUTION -> {
                    if (blank) {
                        revolution = null;
                    } else {
                        long r = whole(field, t);
                        if (r < 0 || r > 999) {
                            throw revolutionRange(r);
                        }
                        revolution((int) r);
                    }
                }
                case INSTRUMENT -> instrument(blank ? null : Instrument.parse(t));
                case AOT -> aot(blank ? null : t);
                case START -> start = blank ? null : time(field, t, false);
                case END -> end = blank ? null : time(field, t, true);
                case ADQL -> adql = blank ? null : t;
                case MAXREC -> maxrec(blank ? QueryRequest.DEFAULT_MAXREC : whole(field, t));
            }
            return this;
        }

        /**
         * @param table one of {@link #TABLES}, or any table's qualified name (then only ADQL or no field)
         * @return this builder
         * @throws BadField when it is not a table name
         */
        public Builder table(String table) {
            String t = table == null ? "" : table.strip();
            if (!TABLE.matcher(t).matches()) {
                throw new BadField(Field.TABLE, "Table \"" + t + "\" is not a table name (schema.table)");
            }
            String lower = t.toLowerCase(Locale.ROOT);
            this.table = TABLES.contains(lower) ? lower : t;
            return this;
        }

        /**
         * @param adql the user's own query, sent as it is; the other fields must then be empty
         * @return this builder
         * @throws BadField when it is blank
         */
        public Builder adql(String adql) {
            if (adql == null || adql.isBlank()) {
                throw new BadField(Field.ADQL, "ADQL is empty");
            }
            this.adql = adql.strip();
            return this;
        }

        /**
         * @param target a position ({@link SkyPosition#parse}'s forms: degrees, or sexagesimal with RA in hours) or a
         *               target name, resolved when the ADQL is made
         * @return this builder
         * @throws BadField naming {@link Field#TARGET} when it is blank or a position off the sky
         */
        public Builder target(String target) {
            String t = target == null ? "" : target.strip();
            if (t.isEmpty()) {
                throw new BadField(Field.TARGET, "Target is empty: give a position (\"10.684708 41.26875\") or a name");
            }
            try {
                SkyPosition.parseIfCoordinates(t); // a typed position is checked now; a name waits for the resolver
            } catch (IllegalArgumentException e) {
                throw new BadField(Field.TARGET, "Target \"" + t + "\": " + e.getMessage());
            }
            this.target = t;
            return this;
        }

        /**
         * @param position the cone's centre
         * @return this builder
         */
        public Builder position(SkyPosition position) {
            this.target = position.raDeg() + " " + position.decDeg();
            return this;
        }

        /**
         * @param radius the cone's radius, degrees, (0, 180]
         * @return this builder
         * @throws BadField naming {@link Field#RADIUS} when it is outside that
         */
        public Builder radius(double radius) {
            if (!(radius > 0 && radius <= 180)) {
                throw new BadField(Field.RADIUS, "Radius (" + radius + ") must be within (0, 180] degrees");
            }
            this.radius = radius;
            return this;
        }

        /**
         * @param tdt a TDT (revolution × 100000 + sequence)
         * @return this builder
         * @throws BadField naming {@link Field#TDT} when it is negative or longer than 10 digits
         */
        public Builder tdt(long tdt) {
            if (tdt < 0 || tdt > 9_999_999_999L) {
                throw new BadField(Field.TDT, "TDT (" + tdt + ") must be 0 to 9999999999");
            }
            this.tdt = tdt;
            return this;
        }

        /**
         * @param revolution ISO's revolution (orbit) number, 0 to 999
         * @return this builder
         * @throws BadField naming {@link Field#REVOLUTION} when it is outside that
         */
        public Builder revolution(int revolution) {
            if (revolution < 0 || revolution > 999) {
                throw revolutionRange(revolution);
            }
            this.revolution = revolution;
            return this;
        }

        /**
         * @param instrument the instrument, or null for any
         * @return this builder
         */
        public Builder instrument(Instrument instrument) {
            this.instrument = instrument;
            return this;
        }

        /**
         * @param aot an AOT as {@code ida.observations.aotname} writes it ({@code S01}, {@code C//}), any case, or
         *            null for any
         * @return this builder
         * @throws BadField naming {@link Field#AOT} when it is not of that form
         */
        public Builder aot(String aot) {
            if (aot == null) {
                this.aot = null;
                return this;
            }
            String a = aot.strip().toUpperCase(Locale.ROOT);
            if (!AOT.matcher(a).matches()) {
                throw new BadField(Field.AOT, "AOT \"" + aot.strip() + "\" is not an ISO AOT: expected an instrument"
                                              + " letter (C, L, P, S) and two digits, e.g. S01 or C//");
            }
            this.aot = a;
            return this;
        }

        /**
         * @param start the start of the time range, UTC, or null for none
         * @return this builder
         */
        public Builder start(LocalDateTime start) {
            this.start = start;
            return this;
        }

        /**
         * @param end the end of the time range (inclusive), UTC, or null for none
         * @return this builder
         */
        public Builder end(LocalDateTime end) {
            this.end = end;
            return this;
        }

        /**
         * @param maxrec most rows wanted, at least 1
         * @return this builder
         * @throws BadField naming {@link Field#MAXREC} when it is below 1
         */
        public Builder maxrec(long maxrec) {
            if (maxrec < 1) {
                throw new BadField(Field.MAXREC, "MAXREC (" + maxrec + ") must be at least 1");
            }
            this.maxrec = maxrec;
            return this;
        }

        /**
         * @return the search
         * @throws BadField naming the field when fields do not go together: ADQL with other fields, an AOT of
         *                  another instrument, a start after the end, a field the table has no column for
         */
        public ArchiveSearch build() {
            if (adql != null) {
                Field other = firstField();
                if (other != null) {
                    throw new BadField(other, other.label() + " cannot be combined with ADQL: clear one of them");
                }
                return new ArchiveSearch(this);
            }
            if (aot != null && instrument != null && aot.charAt(0) != instrument.aotLetter()) {
                throw new BadField(Field.AOT, "AOT " + aot + " is not an AOT of " + instrument + " (its AOTs start with "
                                              + instrument.aotLetter() + ")");
            }
            if (start != null && end != null && start.isAfter(end)) {
                throw new BadField(Field.END, "End (" + utc(end) + ") is before Start (" + utc(start) + ")");
            }
            if (!TABLES.contains(table)) {
                Field other = firstField();
                if (other != null) {
                    throw new BadField(other, other.label() + " is offered on " + String.join(", ", TABLES)
                                              + "; search " + table + " with ADQL");
                }
            }
            if (aot != null && table.equals("ivoa.obscore")) {
                throw new BadField(Field.AOT, "ivoa.obscore has no AOT column: search ida.observations, ivoa.ssap or "
                                              + "ivoa.siap by AOT");
            }
            return new ArchiveSearch(this);
        }

        /** @return the first form field set (not the table, radius or MAXREC), or null */
        private Field firstField() {
            return target != null ? Field.TARGET : tdt != null ? Field.TDT : revolution != null ? Field.REVOLUTION
                : instrument != null ? Field.INSTRUMENT : aot != null ? Field.AOT : start != null ? Field.START
                : end != null ? Field.END : null;
        }

        private static BadField revolutionRange(long revolution) {
            return new BadField(Field.REVOLUTION, "Revolution (" + revolution + ") must be within 0..999");
        }

        private static double number(Field field, String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new BadField(field, field.label() + " \"" + text + "\" is not a number");
            }
        }

        private static long whole(Field field, String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new BadField(field, field.label() + " \"" + text + "\" is not a whole number");
            }
        }

        /**
         * @param end true for the end of a range: a date alone then means the end of that day
         * @return the UTC time of {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mm[:ss[.fff]]} (or a space for T, a Z)
         */
        private static LocalDateTime time(Field field, String text, boolean end) {
            String t = text.replace(' ', 'T');
            if (t.endsWith("Z") || t.endsWith("z")) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                if (!t.contains("T")) {
                    LocalDate d = LocalDate.parse(t);
                    return end ? d.atTime(LocalTime.of(23, 59, 59, 999_000_000)) : d.atStartOfDay();
                }
                LocalDateTime at = LocalDateTime.parse(t);
                return at.withNano(at.getNano() / 1_000_000 * 1_000_000); // milliseconds are enough, and print
            } catch (DateTimeParseException e) {
                throw new BadField(field, field.label() + " \"" + text + "\" is not a UTC date: expected YYYY-MM-DD or "
                                          + "YYYY-MM-DDThh:mm[:ss]");
            }
        }
    }
}
