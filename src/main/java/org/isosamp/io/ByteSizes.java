package org.isosamp.io;

import java.util.Locale;

/**
 * Byte counts as people read them ({@code 512 B}, {@code 1.5 MiB}): the command line's progress line and the
 * window's download rows say sizes the same way. Stateless, thread-safe.
 */
public final class ByteSizes {

    private ByteSizes() {
    }

    /**
     * @param bytes a byte count, 0 or more
     * @return it in B below 1 KiB, else in KiB, MiB, GiB or TiB with one decimal ({@code 1023 B}, {@code 1.0 KiB})
     */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB" };
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
