package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The asynchronous TAP endpoint: a UWS 1.1 job list with the full job resource
 * set (phase, quote, executionduration, destruction, owner, error, parameters,
 * results), {@code WAIT} blocking, deletion, and destruction at each job's
 * destruction time. ABORT, deletion and destruction cancel a running query on
 * H2 at once ({@link Execution#cancel}); its execution duration is H2's query
 * timeout. Job URLs are absolute. Thread-safe.
 */
final class UwsJobs implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UwsJobs.class.getName());
    static final String NS = "http://www.ivoa.net/xml/UWS/v1.0";
    static final long DEFAULT_DURATION_S = 600;
    static final long RETENTION_S = 86_400;
    static final long MAX_WAIT_S = 60;
    private static final DateTimeFormatter ISO =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    enum Phase { PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, ARCHIVED }

    private final TapService tap;
    private final Path workDir;
    private final ExecutorService runner;
    /** Runs each job's destruction at its destruction time. */
    private final ScheduledExecutorService timer;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    UwsJobs(TapService tap, Path workDir, ExecutorService runner, ScheduledExecutorService sweeper) {
        this.tap = tap;
        this.workDir = workDir;
        this.runner = runner;
        this.timer = sweeper;
    }

    /** One job. Guarded by its own monitor. */
    final class Job {
        final String id;
        final Instant creation = Instant.now();
        final Map<String, String> params = new LinkedHashMap<>();
        String runId;
        Phase phase = Phase.PENDING;
        Instant start;
        Instant end;
        long executionDuration = DEFAULT_DURATION_S;
        Instant destruction = creation.plusSeconds(RETENTION_S);
        Path result;
        String resultMime;
        String error;
        Future<?> future;
        /** The query's run while EXECUTING, for ABORT and deletion to cancel. */
        Execution execution;
        /** The destruction, scheduled at {@link #destruction}. */
        ScheduledFuture<?> destroyer;

        Job(String id) {
            this.id = id;
        }

        synchronized void setPhase(Phase p) {
            phase = p;
            notifyAll();
        }
    }

    /**
     * Dispatches a request below {@code <base>/async}.
     *
     * @param base absolute URL of the TAP service ({@code http://host:port/nida-sl-tap/tap})
     * @param rest the path after {@code /async} ("" or "/id/..."), slashes collapsed
     */
    void handle(HttpExchange ex, String base, String rest) throws IOException, TapException {
        String method = ex.getRequestMethod();
        String list = base + "/async";
        String[] parts = rest.isEmpty() || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0) {
            switch (method) {
                case "GET", "HEAD" -> Http.send(ex, 200, Http.XML, jobList(list, Params.read(ex)));
                case "POST" -> {
                    Job job = create(Params.read(ex));
                    Http.seeOther(ex, list + "/" + job.id);
                }
                default -> throw new TapException(405, "Method " + method + " not allowed on " + list);
            }
            return;
        }
        Job job = jobs.get(parts[0]);
        if (job == null) {
            throw new TapException(404, "No such job: " + parts[0]);
        }
        String jobUrl = list + "/" + job.id;
        String sub = parts.length > 1 ? parts[1] : "";
        if (parts.length > 3 || (parts.length == 3 && !sub.equals("results"))) {
            throw new TapException(404, "No such resource: " + rest);
        }
        switch (sub) {
            case "" -> jobRoot(ex, job, jobUrl, list);
            case "phase" -> {
                if ("POST".equals(method)) {
                    changePhase(job, Params.read(ex).get("PHASE"));
                    Http.seeOther(ex, jobUrl);
                } else {
                    Http.send(ex, 200, Http.TEXT, phaseOf(job).name());
                }
            }
            case "quote" -> Http.send(ex, 200, Http.TEXT, "");
            case "executionduration" -> {
                if ("POST".equals(method)) {
                    setDuration(job, Params.read(ex).get("EXECUTIONDURATION"));
                    Http.seeOther(ex, jobUrl);
                } else {
                    Http.send(ex, 200, Http.TEXT, Long.toString(job.executionDuration));
                }
            }
            case "destruction" -> {
                if ("POST".equals(method)) {
                    setDestruction(job, Params.read(ex).get("DESTRUCTION"));
                    Http.seeOther(ex, jobUrl);
                } else {
                    Http.send(ex, 200, Http.TEXT, ISO.format(job.destruction));
                }
            }
            case "owner" -> Http.send(ex, 200, Http.TEXT, "");
            case "error" -> {
                String err;
                synchronized (job) {
                    err = job.error;
                }
                if (err == null) {
                    throw new TapException(404, "Job " + job.id + " has no error");
                }
                ex.getResponseHeaders().set("Content-Type", Http.VOTABLE);
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    TapService.writeError(out, err);
                }
            }
            case "parameters" -> {
                if ("POST".equals(method)) {
                    updateParams(job, Params.read(ex));
                    Http.seeOther(ex, jobUrl);
                } else {
                    Http.send(ex, 200, Http.XML, XML_DECL + parametersXml(job));
                }
            }
            case "results" -> results(ex, job, jobUrl, parts.length == 3 ? parts[2] : null);
            default -> throw new TapException(404, "No such job resource: " + sub);
        }
    }

    private void jobRoot(HttpExchange ex, Job job, String jobUrl, String list)
            throws IOException, TapException {
        switch (ex.getRequestMethod()) {
            case "GET", "HEAD" -> {
                Params p = Params.read(ex);
                String wait = p.get("WAIT");
                if (wait != null) {
                    waitFor(job, wait, p.get("PHASE"));
                }
                Http.send(ex, 200, Http.XML, jobXml(job, jobUrl));
            }
            case "DELETE" -> {
                delete(job);
                Http.seeOther(ex, list);
            }
            case "POST" -> {
                Params p = Params.read(ex);
                String action = p.get("ACTION");
                if (action != null) {
                    if (!action.equalsIgnoreCase("DELETE")) {
                        throw new TapException(400, "Unsupported ACTION \"" + action + "\" (only DELETE)");
                    }
                    delete(job);
                    Http.seeOther(ex, list);
                    return;
                }
                if (p.has("PHASE")) {
                    changePhase(job, p.get("PHASE"));
                }
                if (p.has("EXECUTIONDURATION")) {
                    setDuration(job, p.get("EXECUTIONDURATION"));
                }
                if (p.has("DESTRUCTION")) {
                    setDestruction(job, p.get("DESTRUCTION"));
                }
                updateParams(job, p);
                Http.seeOther(ex, jobUrl);
            }
            default -> throw new TapException(405, "Method " + ex.getRequestMethod() + " not allowed on "
                                                   + jobUrl);
        }
    }

    private void results(HttpExchange ex, Job job, String jobUrl, String which)
            throws IOException, TapException {
        Path file;
        String mime;
        synchronized (job) {
            if (which == null) {
                Http.send(ex, 200, Http.XML, XML_DECL + resultsXml(job, jobUrl));
                return;
            }
            if (!which.equals("result")) {
                throw new TapException(404, "No result \"" + which + "\" (the result is called \"result\")");
            }
            if (job.phase != Phase.COMPLETED || job.result == null) {
                throw new TapException(404, "Job " + job.id + " has no result (phase " + job.phase + ")");
            }
            file = job.result;
            mime = job.resultMime;
        }
        ex.getResponseHeaders().set("Content-Type", mime);
        long size = Files.size(file);
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(size));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    private Job create(Params p) throws TapException {
        String id;
        do {
            id = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000L, 36)
                 + Integer.toString(random.nextInt(1296), 36);
        } while (jobs.containsKey(id));
        Job job = new Job(id);
        updateParams(job, p);
        jobs.put(id, job);
        scheduleDestruction(job);
        if (p.has("EXECUTIONDURATION")) {
            setDuration(job, p.get("EXECUTIONDURATION"));
        }
        if (p.has("DESTRUCTION")) {
            setDestruction(job, p.get("DESTRUCTION"));
        }
        if ("RUN".equalsIgnoreCase(p.get("PHASE"))) {
            changePhase(job, "RUN");
        }
        LOG.fine(() -> "job " + job.id + " created");
        return job;
    }

    private static final List<String> CONTROL = List.of("PHASE", "ACTION", "RUNID", "EXECUTIONDURATION",
                                                        "DESTRUCTION", "WAIT");

    private void updateParams(Job job, Params p) throws TapException {
        synchronized (job) {
            if (p.has("RUNID")) {
                job.runId = p.get("RUNID");
            }
            for (Map.Entry<String, String> e : p.asMap().entrySet()) {
                if (CONTROL.contains(e.getKey().toUpperCase(Locale.ROOT))) {
                    continue;
                }
                if (job.phase != Phase.PENDING) {
                    throw new TapException(409, "Job " + job.id + " is " + job.phase
                                                + ": parameters can only change while PENDING");
                }
                job.params.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
                job.params.put(e.getKey(), e.getValue());
            }
        }
    }

    private void changePhase(Job job, String phase) throws TapException {
        if (phase == null) {
            throw new TapException(400, "Required parameter \"PHASE\" is missing");
        }
        switch (phase.trim().toUpperCase(Locale.ROOT)) {
            case "RUN" -> {
                synchronized (job) {
                    if (job.phase != Phase.PENDING) {
                        return;  // idempotent: running, finished or aborted jobs stay as they are
                    }
                    job.setPhase(Phase.QUEUED);
                    job.future = runner.submit(() -> run(job));
                }
            }
            case "ABORT" -> {
                synchronized (job) {
                    if (job.phase == Phase.PENDING || job.phase == Phase.QUEUED
                        || job.phase == Phase.EXECUTING) {
                        stopQuery(job, "job " + job.id + " was aborted");
                        job.end = Instant.now();
                        job.setPhase(Phase.ABORTED);
                    }
                }
            }
            default -> throw new TapException(400, "Unsupported PHASE \"" + phase + "\" (RUN or ABORT)");
        }
    }

    private void setDuration(Job job, String value) throws TapException {
        try {
            long d = Long.parseLong(value.trim());
            if (d < 0) {
                throw new NumberFormatException();
            }
            synchronized (job) {
                job.executionDuration = d == 0 ? DEFAULT_DURATION_S : Math.min(d, DEFAULT_DURATION_S);
            }
        } catch (RuntimeException e) {
            throw new TapException(400, "EXECUTIONDURATION \"" + value + "\" is not a non-negative integer");
        }
    }

    private void setDestruction(Job job, String value) throws TapException {
        try {
            Instant t = Instant.parse(value.trim());
            Instant max = Instant.now().plusSeconds(RETENTION_S);
            synchronized (job) {
                job.destruction = t.isAfter(max) ? max : t;
            }
            scheduleDestruction(job);
        } catch (RuntimeException e) {
            throw new TapException(400, "DESTRUCTION \"" + value + "\" is not an ISO-8601 time");
        }
    }

    private void run(Job job) {
        Params p;
        int timeout;
        synchronized (job) {
            if (job.phase != Phase.QUEUED) {
                return;
            }
            job.start = Instant.now();
            job.setPhase(Phase.EXECUTING);
            p = Params.of(job.params);
            timeout = (int) Math.max(1, job.executionDuration);
        }
        Path file = null;
        Execution q = null;
        try {
            TapService.QuerySpec spec = TapService.spec(p);
            q = tap.prepare(spec, timeout);
            synchronized (job) {
                if (job.phase != Phase.EXECUTING) {
                    return; // aborted or deleted meanwhile
                }
                job.execution = q;
            }
            q.execute();
            file = Files.createTempFile(workDir, "job-" + job.id + "-", ".out");
            try (OutputStream out = Files.newOutputStream(file)) {
                q.write(out, localPrefix);
            }
            q.close();
            synchronized (job) {
                job.execution = null;
                if (job.phase != Phase.EXECUTING) {
                    Files.deleteIfExists(file);
                    return;
                }
                job.result = file;
                job.resultMime = spec.format().mime;
                job.end = Instant.now();
                job.setPhase(Phase.COMPLETED);
            }
        } catch (TapException | IOException | RuntimeException e) {
            deleteQuietly(file);
            String msg = e instanceof TapException ? e.getMessage() : TapService.userMessage(e);
            boolean cancelled = q != null && q.cancelReason() != null;
            if (!(e instanceof TapException) && !cancelled) {
                LOG.log(Level.WARNING, "job " + job.id + " failed: " + p.get("QUERY"), e);
            }
            synchronized (job) {
                job.execution = null;
                if (job.phase == Phase.EXECUTING) {
                    job.error = msg;
                    job.end = Instant.now();
                    job.setPhase(Phase.ERROR);
                }
            }
        } finally {
            if (q != null) {
                q.close();
            }
        }
    }

    /** The prefix production URLs are rewritten to; set by the server once its port is known. */
    volatile String localPrefix;

    private void waitFor(Job job, String waitParam, String phaseParam) throws TapException {
        long seconds;
        try {
            seconds = Long.parseLong(waitParam.trim());
        } catch (NumberFormatException e) {
            throw new TapException(400, "WAIT \"" + waitParam + "\" is not an integer");
        }
        if (seconds < 0 || seconds > MAX_WAIT_S) {
            seconds = MAX_WAIT_S;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (job) {
            Phase start = job.phase;
            if (phaseParam != null && !phaseParam.equalsIgnoreCase(start.name())) {
                return;
            }
            if (start != Phase.PENDING && start != Phase.QUEUED && start != Phase.EXECUTING) {
                return;
            }
            try {
                while (job.phase == start) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(job, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Phase phaseOf(Job job) {
        synchronized (job) {
            return job.phase;
        }
    }

    /** Keeps a queued job from starting, and stops its query if it runs. Call holding the job's monitor. */
    private static void stopQuery(Job job, String reason) {
        if (job.future != null) {
            // no interrupt: H2 does not heed one; the query is cancelled instead
            job.future.cancel(false);
        }
        if (job.execution != null) {
            job.execution.cancel(reason);
        }
    }

    private void delete(Job job) {
        synchronized (job) {
            stopQuery(job, "job " + job.id + " was deleted");
            if (job.destroyer != null) {
                job.destroyer.cancel(false);
            }
            if (job.phase == Phase.QUEUED || job.phase == Phase.EXECUTING) {
                job.setPhase(Phase.ABORTED);
            }
            deleteQuietly(job.result);
            job.result = null;
        }
        jobs.remove(job.id);
    }

    /** (Re)schedules the job's destruction at its destruction time. */
    private void scheduleDestruction(Job job) {
        synchronized (job) {
            if (job.destroyer != null) {
                job.destroyer.cancel(false);
            }
            long ms = Math.max(0, Duration.between(Instant.now(), job.destruction).toMillis() + 1);
            try {
                job.destroyer = timer.schedule(() -> destroy(job), ms, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.fine("no destruction scheduled for job " + job.id + ": the server is stopping");
            }
        }
    }

    private void destroy(Job job) {
        synchronized (job) {
            if (job.destruction.isAfter(Instant.now())) {
                // the timer's clock is not the wall clock: a little early, or moved later meanwhile
                scheduleDestruction(job);
                return;
            }
        }
        LOG.fine(() -> "job " + job.id + " destroyed");
        delete(job);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.fine("delete " + p + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        for (Job job : new ArrayList<>(jobs.values())) {
            delete(job);
        }
    }

    /** @return number of live jobs (for tests). */
    int size() {
        return jobs.size();
    }

    // ---- XML --------------------------------------------------------------------------------

    private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private static String nsAttrs() {
        return " xmlns:uws=\"" + NS + "\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
               + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    }

    private String jobList(String list, Params p) {
        String phaseFilter = p.get("PHASE");
        StringBuilder b = new StringBuilder(XML_DECL);
        b.append("<uws:jobs").append(nsAttrs()).append(" version=\"1.1\">\n");
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort((x, y) -> y.creation.compareTo(x.creation));
        for (Job job : all) {
            synchronized (job) {
                if (phaseFilter != null && !phaseFilter.equalsIgnoreCase(job.phase.name())) {
                    continue;
                }
                b.append(" <uws:jobref id=\"").append(Http.xmlEscape(job.id)).append("\" xlink:href=\"")
                 .append(Http.xmlEscape(list + "/" + job.id)).append("\">")
                 .append("<uws:phase>").append(job.phase).append("</uws:phase>");
                if (job.runId != null) {
                    b.append("<uws:runId>").append(Http.xmlEscape(job.runId)).append("</uws:runId>");
                }
                b.append("<uws:creationTime>").append(ISO.format(job.creation))
                 .append("</uws:creationTime></uws:jobref>\n");
            }
        }
        return b.append("</uws:jobs>\n").toString();
    }

    private String jobXml(Job job, String jobUrl) {
        synchronized (job) {
            StringBuilder b = new StringBuilder(XML_DECL);
            b.append("<uws:job").append(nsAttrs()).append(" version=\"1.1\">\n");
            b.append(" <uws:jobId>").append(Http.xmlEscape(job.id)).append("</uws:jobId>\n");
            if (job.runId != null) {
                b.append(" <uws:runId>").append(Http.xmlEscape(job.runId)).append("</uws:runId>\n");
            }
            b.append(" <uws:ownerId xsi:nil=\"true\"/>\n");
            b.append(" <uws:phase>").append(job.phase).append("</uws:phase>\n");
            b.append(" <uws:quote xsi:nil=\"true\"/>\n");
            b.append(" <uws:creationTime>").append(ISO.format(job.creation)).append("</uws:creationTime>\n");
            b.append(time("startTime", job.start)).append(time("endTime", job.end));
            b.append(" <uws:executionDuration>").append(job.executionDuration)
             .append("</uws:executionDuration>\n");
            b.append(" <uws:destruction>").append(ISO.format(job.destruction)).append("</uws:destruction>\n");
            b.append(parametersXml(job).replace("<uws:parameters" + nsAttrs(), "<uws:parameters"));
            b.append(resultsXml(job, jobUrl).replace("<uws:results" + nsAttrs(), "<uws:results"));
            if (job.error != null) {
                b.append(" <uws:errorSummary type=\"fatal\" hasDetail=\"true\"><uws:message>")
                 .append(Http.xmlEscape(job.error)).append("</uws:message></uws:errorSummary>\n");
            }
            return b.append("</uws:job>\n").toString();
        }
    }

    private static String time(String name, Instant t) {
        return t == null ? " <uws:" + name + " xsi:nil=\"true\"/>\n"
                         : " <uws:" + name + ">" + ISO.format(t) + "</uws:" + name + ">\n";
    }

    private String parametersXml(Job job) {
        synchronized (job) {
            StringBuilder b = new StringBuilder();
            b.append("<uws:parameters").append(nsAttrs()).append(">\n");
            for (Map.Entry<String, String> e : job.params.entrySet()) {
                b.append("  <uws:parameter id=\"").append(Http.xmlEscape(e.getKey())).append("\">")
                 .append(Http.xmlEscape(e.getValue())).append("</uws:parameter>\n");
            }
            return b.append("</uws:parameters>\n").toString();
        }
    }

    private String resultsXml(Job job, String jobUrl) {
        synchronized (job) {
            StringBuilder b = new StringBuilder();
            b.append("<uws:results").append(nsAttrs()).append(">\n");
            if (job.phase == Phase.COMPLETED && job.result != null) {
                b.append("  <uws:result id=\"result\" xlink:type=\"simple\" xlink:href=\"")
                 .append(Http.xmlEscape(jobUrl + "/results/result")).append("\" mime-type=\"")
                 .append(Http.xmlEscape(job.resultMime)).append("\"/>\n");
            }
            return b.append("</uws:results>\n").toString();
        }
    }
}
