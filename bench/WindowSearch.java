package org.isosamp.gui; // the window's package: its search panel and results are reached as its tests reach them

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javax.swing.SwingUtilities;
import org.isosamp.archive.ArchiveSearch.Field;

/**
 * Issue 12: search to rows shown, in the running window (iso-samp's {@link IsoWindow}, FlatLaf, as `iso-samp gui`
 * opens it), for the M31 cone (0.1 deg, MAXREC 1000, the form) and a 40k-row result (ADQL
 * {@code SELECT * FROM ida.observations}, MAXREC 100000), alternating, on archives given by URL (serve-local).
 * Each search is timed from the Search press (the window's search action, on the event thread) to the rows in the
 * StarJTable: its model set to the answer, then the event queue's next turn (the table's repaint, queued when the
 * model changed, has run by then). The first round is reported apart (it opens the archive: HTTP client, metadata);
 * medians over the others. For each async search the archive client's steps are timed from the same press (its FINE log
 * lines): the job created (POST, 303), the blocking WAIT's answer COMPLETED, the result read and parsed, the DELETE and the
 * hand-off to the event thread, the drawing; with their medians. Usage: java -cp iso-samp.jar:DIR org.isosamp.gui.WindowSearch CONE_URL BULK_URL ROUNDS
 */
public final class WindowSearch {

    private WindowSearch() {
    }

    public static void main(String[] args) throws Exception {
        String coneUrl = args[0];
        String bulkUrl = args[1];
        int rounds = Integer.parseInt(args[2]);
        // the archive client's FINE lines (job created, result requested, rows read, DELETE) timed from the press: where
        // an async search's time goes (the bench's own measure is unchanged by this: a few log records per search)
        java.util.logging.Logger archiveLog = java.util.logging.Logger.getLogger("org.isosamp.archive");
        archiveLog.setLevel(java.util.logging.Level.FINE);
        // the root's console handler (INFO) still shows warnings; the FINE lines stop at this handler
        java.util.logging.Handler steps = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord rec) {
                String m = rec.getMessage();
                long t = System.nanoTime();
                if (m == null) {
                    return;
                } else if (m.startsWith("job ")) {
                    STEPS.putIfAbsent("created", t);
                } else if (m.startsWith("GET ") && m.endsWith("/results/result")) {
                    STEPS.putIfAbsent("completed", t);
                } else if (m.contains(" rows") && !m.startsWith("GET ") && !m.startsWith("POST ")) {
                    STEPS.putIfAbsent("parsed", t);
                } else if (m.startsWith("DELETE ")) {
                    STEPS.putIfAbsent("delete", t);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        steps.setLevel(java.util.logging.Level.FINE);
        archiveLog.addHandler(steps);
        org.isosamp.cli.GuiCommand.installLookAndFeel();
        WindowSettings settings = WindowSettings.load(Preferences.userRoot().node("iso-samp-bench-window-search"));
        IsoWindow w = onEdt(() -> {
            IsoWindow win = new IsoWindow(settings);
            win.setBounds(40, 30, 1200, 800);
            win.setVisible(true);
            return win;
        });
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (int r = 0; r <= rounds; r++) {
            for (String q : List.of("M31 cone", "40k rows")) {
                boolean cone = q.startsWith("M31");
                long[] shown = search(w, cone ? coneUrl : bulkUrl, cone);
                double ms = shown[0] / 1e6;
                rows.put(q, shown[1]);
                System.out.printf(Locale.ROOT, "round %d %-9s %8.1f ms  %d rows  (the answer in the table's model after"
                                  + " %.1f ms, then drawn)%n", r, q, ms, shown[1], shown[2] / 1e6);
                if (shown.length > 3 && shown[3] > 0) {
                    // job created | COMPLETED heard (the blocking WAIT's answer) | answer read | DELETE done + hand-off
                    // to the event thread | drawn
                    long[] d = {shown[3], shown[4] - shown[3], shown[5] - shown[4], shown[2] - shown[5],
                                shown[0] - shown[2]};
                    System.out.printf(Locale.ROOT, "    job created %.1f | WAIT until COMPLETED heard %.1f | result read"
                                      + " and parsed %.1f | DELETE and hand-off %.1f | drawn %.1f ms%n",
                                      d[0] / 1e6, d[1] / 1e6, d[2] / 1e6, d[3] / 1e6, d[4] / 1e6);
                    if (r > 0) {
                        for (int i = 0; i < d.length; i++) {
                            steps(q).get(i).add(d[i] / 1e6);
                        }
                    }
                }
                if (r > 0) {
                    times.computeIfAbsent(q, k -> new ArrayList<>()).add(ms);
                }
            }
        }
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            List<Double> t = e.getValue();
            Collections.sort(t);
            int n = t.size();
            double median = n % 2 == 1 ? t.get(n / 2) : (t.get(n / 2 - 1) + t.get(n / 2)) / 2;
            System.out.printf(Locale.ROOT, "window %-9s median %7.1f ms  min %7.1f ms  max %7.1f ms  (%d runs, %d rows)%n",
                              e.getKey(), median, t.get(0), t.get(n - 1), n, rows.get(e.getKey()));
        }
        for (Map.Entry<String, List<List<Double>>> e : PHASES.entrySet()) {
            String[] names = {"job created", "WAIT until COMPLETED heard", "result read and parsed",
                              "DELETE and hand-off", "drawn"};
            StringBuilder b = new StringBuilder("window " + e.getKey() + " phases, medians:");
            for (int i = 0; i < names.length; i++) {
                b.append(String.format(Locale.ROOT, " %s %.1f ms%s", names[i], median(e.getValue().get(i)),
                                       i < names.length - 1 ? " |" : ""));
            }
            System.out.println(b);
        }
        System.exit(0);
    }

    /** Times of the archive client's steps in the search running, by name (nanoTime). */
    private static final Map<String, Long> STEPS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, List<List<Double>>> PHASES = new LinkedHashMap<>();

    private static List<List<Double>> steps(String q) {
        return PHASES.computeIfAbsent(q, k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                                                      new ArrayList<>(), new ArrayList<>()));
    }

    private static double median(List<Double> v) {
        List<Double> t = new ArrayList<>(v);
        Collections.sort(t);
        int n = t.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? t.get(n / 2) : (t.get(n / 2 - 1) + t.get(n / 2)) / 2;
    }

    /**
     * @return {nanoseconds from the Search press to the rows shown, rows, nanoseconds from the press to the answer
     *         set as the table's model (the query done, on the event thread)}
     */
    private static long[] search(IsoWindow w, String url, boolean cone) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong model = new AtomicLong();
        java.beans.PropertyChangeListener l = e -> {
            javax.swing.table.TableModel m = (javax.swing.table.TableModel) e.getNewValue();
            if (m != null && m.getRowCount() > 0) {
                model.set(System.nanoTime());
                rows.set(m.getRowCount());
                // after the repaint that setting the model queued
                SwingUtilities.invokeLater(() -> {
                    end.set(System.nanoTime());
                    done.countDown();
                });
            }
        };
        onEdt(() -> {
            w.setArchive(url);
            SearchPanel p = w.searchPanel();
            p.clearFields();
            p.setAdqlSelected(!cone);
            if (cone) {
                p.setText(Field.TABLE, "ida.observations");
                p.setText(Field.TARGET, "10.684708 41.26875");
                p.setText(Field.RADIUS, "0.1");
                p.setText(Field.MAXREC, "1000");
            } else {
                p.setText(Field.ADQL, "SELECT * FROM ida.observations");
                p.setText(Field.MAXREC, "100000");
            }
            w.results().table().addPropertyChangeListener("model", l);
            STEPS.clear();
            start.set(System.nanoTime());
            w.search();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!done.await(50, TimeUnit.MILLISECONDS)) {
            if (!onEdt(w::searching) && done.getCount() > 0 && !onEdt(w::searching)) {
                Thread.sleep(200); // the last invokeLater may still be on its way
                if (done.getCount() > 0) {
                    throw new IllegalStateException("the search ended with no rows shown: " + onEdt(w::status) + " / "
                                                    + onEdt(() -> w.results().summary()));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no rows shown in 120 s: " + onEdt(w::status));
            }
        }
        if (false) {
            throw new IllegalStateException("no rows shown: " + onEdt(w::status));
        }
        while (onEdt(w::searching)) {
            Thread.sleep(5); // the search thread's last steps; not timed
        }
        onEdt(() -> {
            w.results().table().removePropertyChangeListener("model", l);
            return null;
        });
        long s0 = start.get();
        Long created = STEPS.get("created");
        Long completed = STEPS.get("completed");
        Long parsed = STEPS.get("parsed");
        if (created == null || completed == null || parsed == null) { // a sync search: no job steps
            return new long[] {end.get() - s0, rows.get(), model.get() - s0};
        }
        return new long[] {end.get() - s0, rows.get(), model.get() - s0, created - s0, completed - s0, parsed - s0};
    }

    private static <T> T onEdt(Callable<T> c) throws Exception {
        Object[] out = new Object[1];
        Exception[] err = new Exception[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                err[0] = e;
            }
        });
        if (err[0] != null) {
            throw err[0];
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
