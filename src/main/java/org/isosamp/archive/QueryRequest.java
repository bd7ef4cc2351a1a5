package org.isosamp.archive;

import java.util.Objects;

/**
 * One ADQL query to the archive, as OkHttp's {@code Request} is one HTTP call: what to ask (the ADQL, MAXREC),
 * how (sync, or async as a UWS job) and who hears it run (the job's phases, the answer's bytes). Every way of
 * running a query takes one ({@link IsoArchive#query}, {@link IsoArchive#queryToSink},
 * {@link IsoArchive#queryToVotable}, {@link IsoArchive#queryToFile}), so a new option is a builder method, not a
 * new overload with one more positional boolean.
 *
 * <pre>{@code
 * QueryRequest r = QueryRequest.builder("SELECT TOP 10 * FROM ida.observations")
 *         .maxrec(1000).async(true).jobListener(phase -> log(phase)).build();
 * QueryResult result = archive.query(r);
 * QueryResult more = archive.query(r.newBuilder().maxrec(100_000).build());
 * }</pre>
 *
 * <p>The arguments are checked as they are given: an empty query or a negative MAXREC fails at once with
 * {@link IllegalArgumentException}, before anything is sent.
 *
 * <p><b>Thread-safety:</b> immutable; the listeners it holds are called on the querying thread.
 */
public final class QueryRequest {

    /** MAXREC when none is given: the archive's own default. */
    public static final long DEFAULT_MAXREC = 100_000;

    private final String adql;
    private final long maxrec;
    private final boolean async;
    private final JobListener jobListener;
    private final DataClient.Listener progress;

    private QueryRequest(Builder b) {
        this.adql = b.adql;
        this.maxrec = b.maxrec;
        this.async = b.async;
        this.jobListener = b.jobListener;
        this.progress = b.progress;
    }

    /**
     * @param adql the query, sent as it is (no TOP added)
     * @return a builder for a sync query with {@link #DEFAULT_MAXREC} and no listeners
     * @throws IllegalArgumentException when the query is null or blank
     */
    public static Builder builder(String adql) {
        return new Builder(adql);
    }

    /** @return a builder holding this request's settings, to make a variant */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** @return the ADQL, as given */
    public String adql() {
        return adql;
    }

    /** @return MAXREC, always sent; the result says when it was reached ({@link QueryResult#overflow()}) */
    public long maxrec() {
        return maxrec;
    }

    /** @return true to run as a UWS job (POST /async, poll, fetch, delete), false for POST /sync */
    public boolean async() {
        return async;
    }

    /** @return who hears an async job's URL and phases; null for nobody */
    public JobListener jobListener() {
        return jobListener;
    }

    /** @return who hears the answer's bytes arrive (read so far, total or -1); null for nobody */
    public DataClient.Listener progress() {
        return progress;
    }

    @Override
    public String toString() {
        return "QueryRequest{" + (async ? "async" : "sync") + ", maxrec=" + maxrec + ", adql=" + adql + "}";
    }

    /** Builds a {@link QueryRequest}; each setter checks its argument. Not thread-safe. */
    public static final class Builder {

        private String adql;
        private long maxrec = DEFAULT_MAXREC;
        private boolean async;
        private JobListener jobListener;
        private DataClient.Listener progress;

        private Builder(String adql) {
            adql(adql);
        }

        private Builder(QueryRequest r) {
            this.adql = r.adql;
            this.maxrec = r.maxrec;
            this.async = r.async;
            this.jobListener = r.jobListener;
            this.progress = r.progress;
        }

        /**
         * @param adql the query
         * @return this builder
         * @throws IllegalArgumentException when the query is null or blank
         */
        public Builder adql(String adql) {
            if (adql == null || adql.isBlank()) {
                throw new IllegalArgumentException("ADQL query is empty");
            }
            this.adql = adql;
            return this;
        }

        /**
         * @param maxrec most rows wanted, sent as MAXREC
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder maxrec(long maxrec) {
            if (maxrec < 0) {
                throw new IllegalArgumentException("maxrec (" + maxrec + ") must be >= 0");
            }
            this.maxrec = maxrec;
            return this;
        }

        /**
         * @param async true to run as a UWS job (cancel it by interrupting the querying thread: the job is
         *              aborted and deleted), false (the default) for a sync query
         * @return this builder
         */
        public Builder async(boolean async) {
            this.async = async;
            return this;
        }

        /**
         * @param listener hears an async job's URL and each new phase (QUEUED, EXECUTING, COMPLETED, ...); a
         *                 lambda hears the phases only; null for nobody. A sync query has no job and never calls it.
         * @return this builder
         */
        public Builder jobListener(JobListener listener) {
            this.jobListener = listener;
            return this;
        }

        /**
         * @param progress told the bytes of the answer (the result document) read so far and its length (-1 when
         *                 the archive does not say), e.g. for a progress bar; null for nobody
         * @return this builder
         */
        public Builder progress(DataClient.Listener progress) {
            this.progress = progress;
            return this;
        }

        /** @return the request */
        public QueryRequest build() {
            Objects.requireNonNull(adql, "adql");
            return new QueryRequest(this);
        }
    }
}
