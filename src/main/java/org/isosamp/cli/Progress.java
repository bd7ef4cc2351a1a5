package org.isosamp.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.isosamp.archive.DataClient;

/**
 * A one-line progress bar on stderr, only when stderr is a terminal and not
 * {@code --quiet}. Thread-safe (bulk downloads report from several threads).
 */
final class Progress implements DataClient.Listener {

    private final PrintStream err;
    private final String label;
    private final boolean enabled;
    private long lastNanos;

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
    public synchronized void progress(long bytes, long total) {
        if (!enabled) {
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
        err.print("\r" + label + "  " + amount + (done ? "\n" : ""));
        err.flush();
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
