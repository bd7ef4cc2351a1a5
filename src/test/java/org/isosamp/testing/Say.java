package org.isosamp.testing;

/** A probe's one line per fact, flushed at once: the test reads the probe's output while it runs. */
public final class Say {

    private Say() {
    }

    /** @param line printed on standard output and flushed */
    public static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
