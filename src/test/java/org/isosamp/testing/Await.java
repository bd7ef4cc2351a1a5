package org.isosamp.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in tests: on a condition, with a deadline, failing with what was awaited. The one polling loop. */
public final class Await {

    private Await() {
    }

    /** Waits until the condition holds; fails with {@code what} after the timeout. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        value(() -> condition.getAsBoolean() ? Boolean.TRUE : null, timeout, () -> what);
    }

    /**
     * @param probe returns the awaited value, or null while there is none yet
     * @return the first non-null value
     * @throws AssertionError with {@code what} if none comes within the timeout
     */
    public static <T> T value(Supplier<T> probe, Duration timeout, Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout + ": " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
