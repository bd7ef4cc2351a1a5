package org.isosamp.local.adql;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;
import org.isosamp.local.meta.ArchiveMetadata;

/**
 * Translates ADQL queries into H2 SQL for the local archive, and gives the
 * FIELD metadata of their results. This is the server's security boundary:
 * only a single SELECT built from whitelisted constructs gets through, and the
 * SQL is written afresh by this package (never copied from the input).
 *
 * <pre>
 * AdqlTranslator tr = new AdqlTranslator(metadata, Set.of("ida.observations"));
 * Translation t = tr.translate("SELECT TOP 5 tdt, ra FROM ida.observations");
 * // t.sql():    SELECT "ida"."observations"."tdt" AS "tdt", ... LIMIT 5
 * // t.fields(): ColumnDefs named tdt, ra with their units and UCDs
 * </pre>
 *
 * <p>What gets through: {@code SELECT [DISTINCT] [TOP n]} items {@code FROM}
 * tables, sub-queries and joins ({@code [INNER|LEFT|RIGHT] JOIN ... ON|USING},
 * {@code NATURAL}, {@code CROSS}, comma), {@code WHERE}, {@code GROUP BY},
 * {@code HAVING}, {@code ORDER BY}, {@code OFFSET}; the ADQL operators,
 * predicates and functions (see {@link FunctionWriter}), CASE and COALESCE.
 * Integer division truncates (as in PostgreSQL, which serves the real
 * archive): {@code 7/2} is 3, {@code 7/2.0} is 3.5. {@code LOG} is the natural
 * logarithm.
 *
 * <p>Result labels: the alias if any, else the column name for a column
 * reference, else the lower-case function name ({@code count}), else
 * {@code colN} (N = position). Computed numeric columns are CAST to the type
 * their FIELD declares, so the JDBC types and the FIELDs always agree.
 *
 * <p>Immutable and thread-safe: one instance serves every request.
 */
public final class AdqlTranslator {

    private final SelectWriter writer;

    /**
     * @param metadata        the archive's tables and columns
     * @param indexedTables   tables (lower-case qualified names) with a spatial cell index
     *                        (see {@link org.isosamp.local.geom.SkyIndex}); others get no
     *                        cone prefilter
     */
    public AdqlTranslator(ArchiveMetadata metadata, Set<String> indexedTables) {
        if (metadata == null) {
            throw new IllegalArgumentException("metadata is null");
        }
        this.writer = new SelectWriter(metadata, Set.copyOf(indexedTables));
    }

    /**
     * @param adql an ADQL query
     * @return its H2 translation and result FIELDs
     * @throws AdqlException if the query is not ADQL the local archive runs;
     *         the message says why, for the user
     */
    public Translation translate(String adql) throws AdqlException {
        if (adql == null || adql.isBlank()) {
            throw new AdqlException("Empty query");
        }
        Statement st = parse(adql);
        if (!(st instanceof Select select)) {
            throw new AdqlException("Only SELECT queries are allowed (got "
                                    + SelectWriter.firstWord(st) + ")");
        }
        try {
            SelectWriter.Result r = writer.write(SelectWriter.plain(select), null);
            return new Translation(r.sql(), r.fields());
        } catch (StackOverflowError e) {
            throw new AdqlException("Query too deeply nested");
        }
    }

    /** Longest a single parse may take (a pathological query could otherwise hold a thread). */
    private static final long PARSE_TIMEOUT_MS = 5_000;

    /**
     * Parses run on this shared pool of daemon threads so that they can be timed out.
     * (JSqlParser's own one-argument methods make an executor per call, and on a
     * parse failure leave its non-daemon thread behind: a leak per bad query.)
     */
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "adql-parser");
        t.setDaemon(true);
        return t;
    });

    private static Statement parse(String adql) throws AdqlException {
        Statements sts;
        try {
            try {
                sts = parse(adql, false);       // the fast grammar first
            } catch (ParseException simple) {
                sts = parse(adql, true);        // JSqlParser's "complex parsing" where it is needed
            }
        } catch (ParseException e) {
            throw new AdqlException("Cannot parse query: " + parseMessage(e), e);
        } catch (IllegalStateException e) {
            throw new AdqlException("Cannot parse query: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AdqlException("Cannot parse query: " + e.getClass().getSimpleName());
        }
        if (sts == null || sts.isEmpty()) {
            throw new AdqlException("Empty query");
        }
        if (sts.size() > 1) {
            throw new AdqlException("Only one statement is allowed (got " + sts.size() + ")");
        }
        return sts.get(0);
    }

    private static Statements parse(String adql, boolean complex) throws ParseException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(adql).withAllowComplexParsing(complex);
        Future<Statements> f = PARSER.submit(parser::Statements);
        try {
            return f.get(PARSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parser.interrupted = true;
            f.cancel(true);
            throw new IllegalStateException("parse took longer than " + PARSE_TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ParseException pe) {
                throw pe;
            } else if (c instanceof RuntimeException re) {
                throw re;
            } else if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** JSqlParser's message without its list of hundreds of expected tokens. */
    static String parseMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException pe && pe.currentToken != null
                && pe.currentToken.next != null) {
                Token bad = pe.currentToken.next;
                String what = bad.image == null || bad.image.isEmpty()
                    ? "end of query" : "\"" + ExprWriter.shorten(bad.image) + "\"";
                return "unexpected " + what + " at line " + bad.beginLine
                       + ", column " + bad.beginColumn;
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceFirst("^(?:[\\w.]+(?:Exception|Error): )+", "");
        int cut = m.indexOf("Was expecting");
        m = (cut < 0 ? m : m.substring(0, cut)).replaceAll("\\s+", " ").trim();
        return m.length() > 200 ? m.substring(0, 197) + "..." : m;
    }
}
