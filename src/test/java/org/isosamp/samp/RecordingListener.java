package org.isosamp.samp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
        return awaitValue(() -> events.stream().filter(p).findFirst().orElse(null), millis,
                          () -> "no such event within " + millis + " ms");
    }

    /** Waits until there are n events of a kind; @return them */
    synchronized List<Event> awaitCount(String kind, int n, long millis) throws InterruptedException {
        return awaitValue(() -> of(kind).size() >= n ? of(kind) : null, millis,
                          () -> n + " " + kind + " events expected");
    }

    /** Waits on this monitor ({@link #add} notifies) until the probe gives a value, or fails saying what. */
    private <T> T awaitValue(Supplier<T> probe, long millis, Supplier<String> what) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError(what.get() + "; events: " + events);
            }
            wait(left);
        }
    }

    /** Waits until the position with this seq is finished or cancelled; @return that event */
    Event awaitEnd(long seq, long millis) throws InterruptedException {
        return await(e -> e.point() != null && e.point().seq() == seq
                          && (e.kind().equals("finished") || e.kind().equals("cancelled")), millis);
    }
}
