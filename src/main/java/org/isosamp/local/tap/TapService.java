package org.isosamp.local.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.isosamp.local.adql.AdqlTranslator;
import org.isosamp.local.db.ArchiveDatabase;
import org.isosamp.local.meta.ColumnDef;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * Runs TAP queries: parameter checks, ADQL translation, execution on H2
 * (each query one cancellable {@link Execution}), and result serialisation.
 * Shared by the sync and async endpoints. Thread-safe.
 */
final class TapService {

    /** MAXREC when the request gives none. */
    static final long DEFAULT_MAXREC = 100_000;
    /** Largest MAXREC honoured. */
    static final long HARD_MAXREC = 2_000_000;
    /** The production archive's prefixes, rewritten to this server's in results. */
    static final List<String> PRODUCTION_PREFIXES = List.of(
        "http://nida.esac.esa.int/nida-sl-tap/", "https://nida.esac.esa.int/nida-sl-tap/");

    static final String VOTABLE_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"http://www.ivoa.net/xml/VOTable/v1.3"
        + " http://www.ivoa.net/xml/VOTable/v1.3\">\n";

    private final ArchiveDatabase db;
    private final AdqlTranslator translator;
    /** Where the retries of a cancel run (see {@link Execution#cancel}). */
    private final ScheduledExecutorService scheduler;
    /** The queries prepared and not yet closed, sync and async. */
    private final Set<Execution> live = ConcurrentHashMap.newKeySet();

    TapService(ArchiveDatabase db, AdqlTranslator translator, ScheduledExecutorService scheduler) {
        this.db = db;
        this.translator = translator;
        this.scheduler = scheduler;
    }

    /** A validated query request. */
    record QuerySpec(String query, ResultFormat format, long maxrec) { }

    /**
     * Checks the TAP parameters of a doQuery request (names case-insensitive;
     * unknown parameters are ignored, as TAP requires).
     */
    static QuerySpec spec(Params p) throws TapException {
        String request = p.get("REQUEST");
        if (request != null && !request.equalsIgnoreCase("doQuery")) {
            throw new TapException(400, "Unsupported REQUEST \"" + request + "\" (only doQuery)");
        }
        String lang = p.get("LANG");
        if (lang != null) {
            String l = lang.trim().toUpperCase(Locale.ROOT);
            if (!l.equals("ADQL") && !l.equals("ADQL-2.0")) {
                throw new TapException(400, "Unsupported LANG \"" + lang + "\" (supported: ADQL, ADQL-2.0)");
            }
        }
        String query = p.get("QUERY");
        if (query == null || query.isBlank()) {
            throw new TapException(400, "Required parameter \"QUERY\" is missing");
        }
        String fmt = p.get("RESPONSEFORMAT");
        ResultFormat format = ResultFormat.parse(fmt != null ? fmt : p.get("FORMAT"));
        long maxrec = DEFAULT_MAXREC;
        String m = p.get("MAXREC");
        if (m != null && !m.isBlank()) {
            try {
                maxrec = Long.parseLong(m.trim());
            } catch (NumberFormatException e) {
                throw new TapException(400, "MAXREC \"" + m + "\" is not an integer");
            }
            if (maxrec < 0) {
                throw new TapException(400, "MAXREC (" + maxrec + ") must not be negative");
            }
            maxrec = Math.min(maxrec, HARD_MAXREC);
        }
        return new QuerySpec(query, format, maxrec);
    }

    /**
     * Makes a query ready to run, registered so that {@link #cancelAll} reaches it; nothing runs yet.
     * Close it.
     *
     * @param durationSeconds the execution duration: H2 stops the statement after it
     */
    Execution prepare(QuerySpec spec, int durationSeconds) {
        Execution e = new Execution(this, scheduler, spec, durationSeconds);
        live.add(e);
        return e;
    }

    /** Called by an execution as it closes. */
    void ended(Execution e) {
        live.remove(e);
    }

    /**
     * Cancels every query prepared and not yet closed (the server is stopping).
     *
     * @param reason why, for their errors
     */
    void cancelAll(String reason) {
        for (Execution e : live.toArray(new Execution[0])) {
            e.cancel(reason);
        }
    }

    AdqlTranslator translator() {
        return translator;
    }

    ArchiveDatabase database() {
        return db;
    }

    /**
     * Writes a result in the requested format. If the rows fail midway, the document ends with
     * {@code QUERY_STATUS=ERROR} and the failure is thrown, for the caller to log (nothing is logged here);
     * if the client went away ({@link ClientGoneException}), that is thrown as it is.
     */
    static void write(QuerySpec spec, ResultSetTable table, OutputStream out) throws IOException {
        if (spec.format() == ResultFormat.CSV) {
            new CsvTableWriter(true).writeStarTable(table, out);
            out.flush();
            return;
        }
        DataFormat df = spec.format() == ResultFormat.VOTABLE_TABLEDATA
            ? DataFormat.TABLEDATA : DataFormat.BINARY2;
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(VOTABLE_HEAD);
        w.write("<RESOURCE type=\"results\">\n");
        w.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        w.write("<INFO name=\"QUERY\"" + VOSerializer.formatAttribute("value", spec.query()) + "/>\n");
        w.write("<INFO name=\"PROVIDER\" value=\"iso-samp local archive: synthetic sample data,"
                + " not real ISO data\"/>\n");
        VOSerializer ser = VOSerializer.makeSerializer(df, VOTableVersion.V14, table);
        w.flush();
        try {
            // straight to bytes: the rows skip a Writer and its character encoder (STIL's fast path)
            ser.writeInlineTableElementUTF8(out);
        } catch (IOException e) {
            if (!ClientGoneException.isCause(e)) {
                // the rows failed: end the document with the error, as TAP asks
                try {
                    w.write("\n<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                            + VOSerializer.formatText(e.getMessage()) + "</INFO>\n</RESOURCE>\n</VOTABLE>\n");
                    w.flush();
                } catch (IOException alsoGone) {
                    e.addSuppressed(alsoGone);
                }
            }
            throw e;
        }
        if (table.overflowed()) {
            w.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
        }
        w.write("</RESOURCE>\n</VOTABLE>\n");
        w.flush();
    }

    /**
     * Makes the FIELD types agree with what H2 actually returns: a translator's
     * guess for a computed column is replaced where the kinds (string, integer,
     * floating, boolean) differ.
     */
    static List<ColumnDef> reconcile(List<ColumnDef> fields, ResultSetMetaData md) throws SQLException {
        if (md.getColumnCount() != fields.size()) {
            throw new SQLException("internal error: " + fields.size() + " FIELDs for "
                                   + md.getColumnCount() + " result columns");
        }
        List<ColumnDef> out = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            ColumnDef f = fields.get(i);
            String actual = votableType(md.getColumnType(i + 1));
            if (actual != null && !kind(actual).equals(kind(f.datatype()))) {
                f = new ColumnDef(f.name(), actual, actual.equals("char") ? "*" : null,
                                  actual.equals("char") ? f.xtype() : null, f.unit(), f.ucd(), f.utype(),
                                  f.description(), f.principal(), f.indexed(), f.std());
            } else if (actual != null && kind(actual).equals("int") && !actual.equals(f.datatype())
                       && width(actual) > width(f.datatype())) {
                f = new ColumnDef(f.name(), actual, null, f.xtype(), f.unit(), f.ucd(), f.utype(),
                                  f.description(), f.principal(), f.indexed(), f.std());
            }
            out.add(f);
        }
        return out;
    }

    private static String votableType(int sqlType) {
        return switch (sqlType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR,
                 Types.NCHAR, Types.TIMESTAMP, Types.DATE, Types.TIME,
                 Types.TIMESTAMP_WITH_TIMEZONE -> "char";
            case Types.TINYINT, Types.SMALLINT -> "short";
            case Types.INTEGER -> "int";
            case Types.BIGINT -> "long";
            case Types.REAL -> "float";
            case Types.DOUBLE, Types.FLOAT, Types.DECIMAL, Types.NUMERIC -> "double";
            case Types.BOOLEAN, Types.BIT -> "boolean";
            default -> null;
        };
    }

    private static String kind(String datatype) {
        return switch (datatype) {
            case "char", "unicodeChar" -> "char";
            case "short", "int", "long" -> "int";
            case "float", "double" -> "float";
            default -> datatype;
        };
    }

    private static int width(String datatype) {
        return switch (datatype) {
            case "short" -> 2;
            case "int" -> 4;
            default -> 8;
        };
    }

    /**
     * The useful part of an SQL failure: the message of the innermost
     * IllegalArgumentException thrown by a geometry function, else H2's own
     * message without its error-code suffix and SQL echo.
     */
    static String userMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf("; SQL statement:");
        if (cut > 0) {
            m = m.substring(0, cut);
        }
        m = m.replaceAll("\\s*\\[[0-9]{5}-[0-9]+\\]\\s*$", "");
        return "Query failed: " + m.trim();
    }

    /** Writes a TAP error document (QUERY_STATUS=ERROR, no TABLE). */
    static void writeError(OutputStream out, String message) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(VOTABLE_HEAD);
        w.write("<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"ERROR\">");
        w.write(VOSerializer.formatText(message == null || message.isBlank() ? "Unknown error" : message));
        w.write("</INFO>\n</RESOURCE>\n</VOTABLE>\n");
        w.flush();
    }
}
