package org.isosamp.samp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every {@link ReceiveListener} event as a line, e.g. {@code searched #3 ivoa.ssap 4}, for assertions. */
final class RecordingListener implements ReceiveListener {

    /** One event: its kind, the position (if any) and the rest. */
    record Event(String kind, PointAt point, String detail, String thread) {
        @Override
        public String toString() {
            return kind + (point == null ? "" : " #" + point.seq()) + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private final List<Event> events = new ArrayList<>();

    private synchronized void add(String kind, PointAt p, String detail) {
        events.add(new Event(kind, p, detail, Thread.currentThread().getName()));
        notifyAll();
    }

    @Override
    public void received(PointAt p) {
        add("received", p, p.position() + " " + p.senderId());
    }

    @Override
    public void searched(PointAt p, String table, long rows, long millis, boolean overflow) {
        add("searched", p, table + " " + rows);
    }

    @Override
    public void published(PointAt p, String table, TablePublisher.Sent sent) {
        add("published", p, table);
    }

    @Override
    public void cancelled(PointAt p) {
        add("cancelled", p, "");
    }

    @Override
    public void failed(PointAt p, String table, Exception e) {
        add("failed", p, table + " " + e);
    }

    @Override
    public void finished(PointAt p) {
        add("finished", p, "");
    }

    @Override
    public void rejected(String senderId, String mtype, String errortxt) {
        add("rejected", null, mtype + " " + errortxt);
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    synchronized List<Event> of(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** Waits for an event matching; @return it */
    synchronized Event await(Predicate<Event> p, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            for (Event e : events) {
                if (p.test(e)) {
                    return e;
                }
            }
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no such event within " + millis + " ms; events: " + events);
            }
            wait(left);
        }
    }

    /** Waits until there are n events of a kind; @return them */
    synchronized List<Event> awaitCount(String kind, int n, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (of(kind).size() < n) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError(n + " " + kind + " events expected; events: " + events);
            }
            wait(left);
        }
        return of(kind);
    }

    /** Waits until the position with this seq is finished or cancelled; @return that event */
    Event awaitEnd(long seq, long millis) throws InterruptedException {
        return await(e -> e.point() != null && e.point().seq() == seq
                          && (e.kind().equals("finished") || e.kind().equals("cancelled")), millis);
    }
}
