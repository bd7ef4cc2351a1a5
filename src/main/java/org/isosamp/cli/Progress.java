package org.isosamp.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.isosamp.archive.DataClient;

/**
 * A one-line progress bar on stderr, only when stderr is a terminal and not
 * {@code --quiet}: rewritten in place at most every 100 ms, ended by a newline when
 * the total is reached or by {@link #finish()}. Thread-safe (bulk downloads report
 * from several threads).
 */
final class Progress implements DataClient.Listener {

    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private long lastNanos;
    /** a line is on screen without its newline */
    private boolean open;

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
        long now = System.nanoTime();
        boolean done = total > 0 && bytes >= total;
        if (!done && now - lastNanos < 100_000_000L) {
            return;
        }
        lastNanos = now;
        String amount = total > 0
            ? String.format(Locale.ROOT, "%s / %s %3d%%", size(bytes), size(total), bytes * 100 / total)
            : size(bytes);
        err.print("\r" + label + "  " + amount + (done ? "\n" : ""));
        err.flush();
        open = !done;
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

    /** Ends the line if one is on screen (a total that was unknown, or never reached), before other output. */
    public synchronized void finish() {
        if (open) {
            err.println();
            err.flush();
            open = false;
        }
    }

    static String size(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] u = { "KiB", "MiB", "GiB", "TiB" };
        double v = b;
        int i = -1;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, u[i]);
    }
}
