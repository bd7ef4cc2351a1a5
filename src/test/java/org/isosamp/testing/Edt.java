package org.isosamp.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/** Runs a piece of a GUI test on the event thread and hands back its value or its exception. */
public final class Edt {

    private Edt() {
    }

    /**
     * @param c what to run on the event thread (components are made and read there only)
     * @return its value
     * @throws Exception what it threw
     */
    public static <T> T edt(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                failed.set(e);
            }
        });
        if (failed.get() != null) {
            throw failed.get();
        }
        return out.get();
    }

    /**
     * {@link #edt} for conditions and awaited values: a failure is unchecked.
     *
     * @param c what to run on the event thread
     * @return its value
     */
    public static <T> T ui(Callable<T> c) {
        try {
            return edt(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
