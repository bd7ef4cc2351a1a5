package org.isosamp.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.isosamp.archive.DataClient;

/**
 * A one-line progress bar on stderr, only when stderr is a terminal and not
 * {@code --quiet}: rewritten in place at most every 100 ms, ended by a newline when
 * the total is reached, erased by {@link #finish()} when it was not (so that no
 * stale {@code query 1 B} stays above a table), and ended with "interrupted" when
 * the JVM shuts down (Ctrl-C) while it is on screen. Thread-safe (bulk downloads
 * report from several threads).
 */
final class Progress implements DataClient.Listener {

    /** The bar whose line is on screen without its newline, if any: what Ctrl-C must end. */
    private static final AtomicReference<Progress> ON_SCREEN = new AtomicReference<>();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private long lastNanos;
    /** a line is on screen without its newline */
    private boolean open;
    /** characters of the line on screen, to erase it */
    private int shown;
    /** the JVM is shutting down: nothing more is drawn */
    private boolean stopped;

    Progress(PrintStream err, String label, boolean quiet) {
        this(err, label, quiet, System.console() != null);
    }

    /** @param terminal whether stderr is a terminal */
    Progress(PrintStream err, String label, boolean quiet, boolean terminal) {
        this.err = err;
        this.label = label;
        this.enabled = !quiet && terminal;
    }

    @Override
    public void progress(long bytes, long total) {
        if (enabled) { // off (most runs): no lock taken on the reader's path
            show(bytes, total);
        }
    }

    private synchronized void show(long bytes, long total) {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        boolean done = total > 0 && bytes >= total;
        if (!done && now - lastNanos < 100_000_000L) {
            return;
        }
        lastNanos = now;
        String amount = total > 0
            ? String.format(Locale.ROOT, "%s / %s %3d%%", size(bytes), size(total), bytes * 100 / total)
            : size(bytes);
        String line = label + "  " + amount;
        if (!done) {
            // before the line shows: a Ctrl-C the moment it appears must find it
            ON_SCREEN.set(this);
            hookOnce();
        }
        // a shorter line than the last (1023 KiB, then 1.0 MiB) must not leave the last one's tail
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())) + (done ? "\n" : ""));
        err.flush();
        shown = done ? 0 : Math.max(shown, line.length());
        open = !done;
        if (done) {
            ON_SCREEN.compareAndSet(this, null);
        }
    }

    /** A short note of a retry, on a line of its own, where the bar would show (the details are for -v). */
    @Override
    public void retrying(int retry, int of, java.io.IOException cause) {
        if (enabled) {
            note(label + ": retrying (" + retry + " of " + of + ") after: "
                 + String.valueOf(cause.getMessage()).replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private synchronized void note(String line) {
        finish();
        err.println(line);
        err.flush();
    }

    /**
     * Erases the line if one is on screen (a total that was unknown, or never reached), before other output: what
     * follows (a table, an error) starts at the left margin with no stale byte count above it.
     */
    public synchronized void finish() {
        if (open) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            open = false;
            shown = 0;
            ON_SCREEN.compareAndSet(this, null);
        }
    }

    /** The JVM shuts down (Ctrl-C, SIGTERM): the line on screen ends with "interrupted" and its newline. */
    synchronized void interrupted() {
        stopped = true;
        if (open) {
            err.print("  interrupted\n");
            err.flush();
            open = false;
            shown = 0;
        }
    }

    /** What the shutdown hook does: ends the line on screen, if any. */
    static void shutdown() {
        Progress p = ON_SCREEN.getAndSet(null);
        if (p != null) {
            p.interrupted();
        }
    }

    /** One hook for every bar of the process, added when the first line opens (most runs never draw one). */
    private static void hookOnce() {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Progress::shutdown, "iso-samp-progress-interrupted"));
            } catch (IllegalStateException shuttingDown) {
                // too late for a hook: the line stays as it is
            }
        }
    }

    static String size(long b) {
        return org.isosamp.io.ByteSizes.format(b);
    }
}
