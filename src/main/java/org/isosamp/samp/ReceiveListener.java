package org.isosamp.samp;

/**
 * Hears what iso-samp does with the messages it receives: the {@code listen} command logs one line per call, a GUI
 * shows them. Every method has an empty default.
 *
 * <p>For each accepted position {@link #received} comes first and exactly one of {@link #finished} or
 * {@link #cancelled} last, in that order even across threads: a {@link ConeSearcher} tells its listeners one event
 * at a time, in order, on the hub's callback thread or on its worker. {@link #rejected} comes from the handlers,
 * on the hub's callback thread. A listener must be thread-safe and quick; what it throws is logged, not passed on.
 */
public interface ReceiveListener {

    /** A valid {@code coord.pointAt.sky} came and was queued (a call has been answered samp.ok). */
    default void received(PointAt p) {
    }

    /** One cone search finished. */
    default void searched(PointAt p, String table, long rows, long millis, boolean overflow) {
    }

    /** A non-empty result went to the table publisher. */
    default void published(PointAt p, String table, TablePublisher.Sent sent) {
    }

    /** A newer position replaced this one before all its results went out; nothing more of it is sent. */
    default void cancelled(PointAt p) {
    }

    /** A search or a publication failed (the others go on): the archive's or the publisher's error. */
    default void failed(PointAt p, String table, Exception e) {
    }

    /** Everything for this position is done: every non-empty result published (or its failure reported). */
    default void finished(PointAt p) {
    }

    /**
     * The nearest spectrum or image of this position was looked for ({@link NearestProducts}): sent, none near, no
     * client takes it, or failed. Comes after the position's publications and before {@link #finished}.
     */
    default void nearest(PointAt p, NearestProducts.Outcome outcome) {
    }

    /** A message was refused with a samp.error (a call) or dropped (a notification); the text names the reason. */
    default void rejected(String senderId, String mtype, String errortxt) {
    }
}
