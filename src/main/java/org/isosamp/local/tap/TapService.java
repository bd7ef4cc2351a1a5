package org.isosamp.local.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.local.adql.AdqlException;
import org.isosamp.local.adql.AdqlTranslator;
import org.isosamp.local.adql.Translation;
import org.isosamp.local.db.ArchiveDatabase;
import org.isosamp.local.meta.ColumnDef;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * Runs TAP queries: parameter checks, ADQL translation, execution on H2,
 * and result serialisation. Shared by the sync and async endpoints. Thread-safe.
 */
final class TapService {

    private static final Logger LOG = Logger.getLogger(TapService.class.getName());

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

    TapService(ArchiveDatabase db, AdqlTranslator translator) {
        this.db = db;
        this.translator = translator;
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

    /** An executed query whose rows have not been read yet. Close it. */
    final class Running implements AutoCloseable {
        final QuerySpec spec;
        final Translation translation;
        private final Connection conn;
        private final PreparedStatement ps;
        private final ResultSet rs;
        private final List<ColumnDef> fields;

        Running(QuerySpec spec, Translation translation, Connection conn, PreparedStatement ps,
                ResultSet rs, List<ColumnDef> fields) {
            this.spec = spec;
            this.translation = translation;
            this.conn = conn;
            this.ps = ps;
            this.rs = rs;
            this.fields = fields;
        }

        /**
         * Writes the result in the requested format. If the rows fail midway, the document ends with
         * {@code QUERY_STATUS=ERROR} and the failure is thrown, for the caller to log (nothing is logged here);
         * if the client went away ({@link ClientGoneException}), that is thrown as it is.
         *
         * @param localPrefix this server's base ({@code http://host:port/nida-sl-tap/}), to which
         *                    production archive URLs in the result are rewritten; null: no rewrite
         */
        void write(OutputStream out, String localPrefix) throws IOException {
            ResultSetTable table = new ResultSetTable(rs, fields, spec.maxrec(),
                localPrefix == null ? List.of() : PRODUCTION_PREFIXES, localPrefix);
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

        @Override
        public void close() {
            try {
                rs.close();
                ps.close();
            } catch (SQLException e) {
                LOG.fine("close: " + e);
            } finally {
                try {
                    conn.close();
                } catch (SQLException e) {
                    LOG.fine("close: " + e);
                }
            }
        }
    }

    /**
     * Translates and executes a query. Every user error (bad ADQL, unknown
     * column, bad geometry argument, timeout) is a {@link TapException} with
     * status 400 thrown before any output.
     */
    Running execute(QuerySpec spec, int timeoutSeconds) throws TapException {
        Translation tr;
        try {
            tr = translator.translate(spec.query());
        } catch (AdqlException e) {
            throw new TapException(400, e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "translator failed on: " + spec.query(), e);
            throw new TapException(400, "Cannot translate query: " + e, e);
        }
        Connection conn = null;
        PreparedStatement ps = null;
        try {
            conn = db.queryConnection();
            conn.setReadOnly(true);
            ps = conn.prepareStatement(tr.sql());
            ps.setQueryTimeout(timeoutSeconds);
            // one row beyond MAXREC tells us about overflow; MAXREC=0 still asks for one
            long limit = spec.maxrec() + 1;
            ps.setLargeMaxRows(limit);
            ps.setFetchSize((int) Math.min(limit, 5000));
            ResultSet rs = ps.executeQuery();
            List<ColumnDef> fields = reconcile(tr.fields(), rs.getMetaData());
            return new Running(spec, tr, conn, ps, rs, fields);
        } catch (SQLException e) {
            closeQuietly(ps, conn);
            if (e instanceof SQLTimeoutException || e.getErrorCode() == 57014) {
                throw new TapException(400, "Query exceeded the execution time limit of "
                                            + timeoutSeconds + " s", e);
            }
            LOG.log(Level.FINE, "query failed: " + tr.sql(), e);
            throw new TapException(400, userMessage(e), e);
        } catch (RuntimeException e) {
            closeQuietly(ps, conn);
            throw e;
        }
    }

    private static void closeQuietly(PreparedStatement ps, Connection conn) {
        try {
            if (ps != null) {
                ps.close();
            }
            if (conn != null) {
                conn.close();
            }
        } catch (SQLException e) {
            LOG.fine("close: " + e);
        }
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
