package org.isosamp.local.tap;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.local.adql.AdqlException;
import org.isosamp.local.adql.Translation;
import org.isosamp.local.meta.ColumnDef;

/**
 * One run of one query on H2, from translation to the last row written, that any thread may
 * {@link #cancel}: ABORT and DELETE of a job, its destruction time, a sync client that hangs up, the
 * archive's shutdown. The sync and async endpoints both run their queries through it, so that a query
 * stopped for any reason stops on H2 at once instead of burning a core for its whole execution duration.
 *
 * <p>How it stops: the running {@link java.sql.Statement} is cancelled ({@code Statement.cancel()}, which H2
 * honours between rows and in long operations); H2's own query timeout ({@code setQueryTimeout}) ends it
 * after the execution duration; and rows already computed stop being written within 1024 rows. A
 * cancel that comes before the statement runs makes it fail before it starts.
 *
 * <p>Lifecycle: {@link TapService#prepare}, {@link #execute()}, {@link #write}, {@link #close()}, all on one
 * thread; {@link #cancel} from any thread, any time. Thread-safe in that sense.
 */
final class Execution implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Execution.class.getName());
    /** H2's SQLSTATE error code for a cancelled statement and for a query timeout. */
    private static final int H2_CANCELLED = 57014;
    /** How often a cancel is repeated while H2 has not yet taken it (see {@link #cancel}). */
    private static final long RETRY_MS = 50;

    private final TapService service;
    private final ScheduledExecutorService scheduler;
    final TapService.QuerySpec spec;
    private final int durationSeconds;

    private final Object lock = new Object();
    /** Why it was cancelled; null while it was not. Guarded by {@link #lock}. */
    private String cancelled;
    /** Guarded by {@link #lock}. */
    private PreparedStatement statement;
    /** Whether {@link #statement} is inside {@code executeQuery}. Guarded by {@link #lock}. */
    private boolean executing;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** Read between rows by the writer; set once, with {@link #cancelled}. */
    private volatile boolean stop;

    private Translation translation;
    private Connection conn;
    private ResultSet rs;
    private List<ColumnDef> fields;

    Execution(TapService service, ScheduledExecutorService scheduler, TapService.QuerySpec spec,
              int durationSeconds) {
        this.service = service;
        this.scheduler = scheduler;
        this.spec = spec;
        this.durationSeconds = durationSeconds;
    }

    /** @return the translation, once {@link #execute()} has made it; else null */
    Translation translation() {
        return translation;
    }

    /**
     * Translates and executes the query. Every user error (bad ADQL, unknown column, bad geometry
     * argument, the execution duration passed) is a {@link TapException} with status 400 thrown before
     * any output; a cancelled query is one with status 503 naming why.
     */
    void execute() throws TapException {
        checkNotCancelled();
        try {
            translation = service.translator().translate(spec.query());
        } catch (AdqlException e) {
            throw new TapException(400, e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "translator failed on: " + spec.query(), e);
            throw new TapException(400, "Cannot translate query: " + e, e);
        }
        PreparedStatement ps = null;
        try {
            conn = service.database().queryConnection();
            conn.setReadOnly(true);
            ps = conn.prepareStatement(translation.sql());
            // H2's own timeout (counted from the statement's start) is the execution duration
            ps.setQueryTimeout(durationSeconds);
            // one row beyond MAXREC tells us about overflow; MAXREC=0 still asks for one
            long limit = spec.maxrec() + 1;
            ps.setLargeMaxRows(limit);
            ps.setFetchSize((int) Math.min(limit, 5000));
            synchronized (lock) {
                statement = ps;
                if (cancelled != null) {
                    throw cancelledException();
                }
                executing = true;
            }
            try {
                rs = ps.executeQuery();
            } finally {
                synchronized (lock) {
                    executing = false;
                }
            }
            // a cancel that came while the statement finished
            checkNotCancelled();
            fields = TapService.reconcile(translation.fields(), rs.getMetaData());
        } catch (SQLException e) {
            synchronized (lock) {
                if (cancelled != null) {
                    throw cancelledException();
                }
            }
            if (e instanceof SQLTimeoutException || e.getErrorCode() == H2_CANCELLED) {
                throw new TapException(400, "Query exceeded its execution duration of " + durationSeconds + " s",
                                       e);
            }
            LOG.log(Level.FINE, "query failed: " + translation.sql(), e);
            throw new TapException(400, TapService.userMessage(e), e);
        }
    }

    /**
     * Writes the result of {@link #execute()} in the requested format (see {@link TapService#write}).
     *
     * @param localPrefix this server's base, to which production archive URLs are rewritten; null: none
     * @throws IOException also when the query is cancelled while its rows are written
     */
    void write(OutputStream out, String localPrefix) throws IOException {
        if (rs == null) {
            throw new IllegalStateException("query not executed: " + spec.query());
        }
        ResultSetTable table = new ResultSetTable(rs, fields, spec.maxrec(),
            localPrefix == null ? List.of() : TapService.PRODUCTION_PREFIXES, localPrefix, this);
        TapService.write(spec, table, out);
    }

    /** @return whether the writer should stop between rows (read every 1024 rows) */
    boolean stopped() {
        return stop;
    }

    /** @return why it was cancelled, or null */
    String cancelReason() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /**
     * Stops the query as soon as possible: before it runs, while H2 computes it, or while its rows are
     * written. Idempotent; the first reason counts. Never blocks on the query.
     *
     * @param reason why, for the error it ends with (e.g. "the client went away")
     */
    void cancel(String reason) {
        synchronized (lock) {
            if (cancelled != null || closed) {
                return;
            }
            cancelled = reason;
            stop = true;
        }
        LOG.fine(() -> "cancelling query (" + reason + "): " + spec.query());
        cancelStatement();
    }

    /**
     * Cancels the statement if H2 runs it. H2 cancels only a command that has started, and a cancel that
     * lands between our noting the statement and H2's starting it is lost: so, while the statement is
     * executing or about to, the cancel is repeated until the statement ends.
     */
    private void cancelStatement() {
        PreparedStatement ps;
        synchronized (lock) {
            if (closed || !executing) {
                return; // not yet started (execute() sees the cancel) or ended (the writer sees it)
            }
            ps = statement;
        }
        try {
            ps.cancel();
        } catch (SQLException e) {
            LOG.fine(() -> "cancel: " + e); // closed meanwhile: it has ended anyway
        }
        synchronized (lock) {
            if (closed || !executing) {
                return;
            }
        }
        try {
            scheduler.schedule(this::cancelStatement, RETRY_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("cancel retry refused: the server is stopping");
        }
    }

    private void checkNotCancelled() throws TapException {
        synchronized (lock) {
            if (cancelled != null) {
                throw cancelledException();
            }
        }
    }

    private TapException cancelledException() {
        return new TapException(503, "Query cancelled: " + cancelled);
    }

    @Override
    public void close() {
        PreparedStatement ps;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            ps = statement;
        }
        service.ended(this);
        try {
            if (rs != null) {
                rs.close();
            }
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException e) {
            LOG.fine("close: " + e);
        } finally {
            if (conn != null) {
                try {
                    conn.close();
                } catch (SQLException e) {
                    LOG.fine("close: " + e);
                }
            }
        }
    }
}
