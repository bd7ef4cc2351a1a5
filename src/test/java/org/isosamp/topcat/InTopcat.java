package org.isosamp.topcat;

import java.lang.reflect.Method;
import javax.swing.ListModel;

/**
 * What every probe that runs inside a real TOPCAT does: start TOPCAT as its command line would, find its Control
 * Window and table list, call TOPCAT's public methods by name (its classes are on the probe's class path, not the
 * compile path), and end the JVM on a failure, since TOPCAT's windows would keep it alive.
 */
final class InTopcat {

    /** A probe's steps. */
    @FunctionalInterface
    interface Steps {
        void run() throws Exception;
    }

    private InTopcat() {
    }

    /**
     * Runs a probe's steps; on any failure prints "failed" and the trace on standard output (the test reads it) and
     * ends the JVM with status 3 at once.
     */
    static void probe(Steps steps) {
        try {
            steps.run();
        } catch (Throwable e) {
            System.out.println("failed " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(3);
        }
    }

    /**
     * Starts TOPCAT.
     *
     * @param args TOPCAT's command line (table locations, flags)
     * @return its Control Window
     */
    static Object start(String... args) throws ReflectiveOperationException {
        Class.forName("uk.ac.starlink.topcat.Driver").getMethod("main", String[].class).invoke(null, (Object) args);
        return Class.forName("uk.ac.starlink.topcat.ControlWindow").getMethod("getInstance").invoke(null);
    }

    /** @return the Control Window's list of loaded tables (TopcatModels) */
    static ListModel<?> tables(Object controlWindow) {
        return (ListModel<?>) call(controlWindow, "getTablesListModel");
    }

    /** Calls a public method of TOPCAT's by name (one with that many parameters). */
    static Object call(Object target, String name, Object... args) {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(name + " on " + target.getClass().getName(), e);
                }
            }
        }
        throw new IllegalStateException("no " + name + " on " + target.getClass().getName());
    }
}
