package org.isosamp.testing;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.isosamp.samp.SentTable;
import org.isosamp.samp.TablePublisher;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/**
 * A {@link TablePublisher} that sends nothing: it keeps a copy of every table it is given, with its name and when,
 * and answers as if no client had replied. {@link #block()} makes the next sends wait until {@link #release()}.
 */
public final class RecordingPublisher implements TablePublisher {

    /** One table handed over. */
    public record Publication(String name, StarTable table, long nanos, String thread) {
    }

    private final List<Publication> publications = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile CountDownLatch gate;
    private volatile IOException failure;

    @Override
    public Sent send(StarTable table, String name, String recipientId) throws IOException {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
        if (failure != null) {
            throw failure;
        }
        RowListStarTable copy = new RowListStarTable(table);
        for (long i = 0; i < table.getRowCount(); i++) {
            copy.addRow(table.getRow(i));
        }
        synchronized (this) {
            publications.add(new Publication(name, copy, System.nanoTime(), Thread.currentThread().getName()));
            notifyAll();
        }
        String id = "rec-" + ids.incrementAndGet();
        return new Sent(new SentTable(id, new URL("http://127.0.0.1:1/" + id), name, Path.of(id), copy.getRowCount()),
                        Map.of());
    }

    /** @return what was published so far */
    public synchronized List<Publication> publications() {
        return new ArrayList<>(publications);
    }

    /** Waits until at least n tables were published, or the time is up; @return what was published */
    public synchronized List<Publication> await(int n, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (publications.size() < n && System.currentTimeMillis() < end) {
            wait(Math.max(1, end - System.currentTimeMillis()));
        }
        return new ArrayList<>(publications);
    }

    /** Makes sends wait until {@link #release()}. */
    public void block() {
        gate = new CountDownLatch(1);
    }

    /** Lets waiting and later sends through. */
    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** @param e thrown by every later send (null: none) */
    public void failWith(IOException e) {
        failure = e;
    }

    /** @return the column's cells, by name (case-insensitive) */
    public static Object[] column(StarTable table, String name) throws IOException {
        StarTable t = uk.ac.starlink.table.Tables.randomTable(table);
        int c = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                c = i;
            }
        }
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " among " + t.getColumnCount() + " columns");
        }
        Object[] out = new Object[(int) t.getRowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = t.getCell(r, c);
        }
        return out;
    }
}
