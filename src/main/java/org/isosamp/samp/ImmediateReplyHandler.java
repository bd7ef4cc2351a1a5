package org.isosamp.samp;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.Subscriptions;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.MessageHandler;
import org.isosamp.samp.SampParams.BadMessage;

/**
 * A {@link MessageHandler} that decides on the hub's callback thread, at once, answers a call there and then with
 * {@code connection.reply}, and only then acts (a quick action: anything slow is the subclass's to hand to another
 * thread). Nothing escapes: a
 * {@link BadMessage} becomes a samp.error with its text (and a {@link ReceiveListener#rejected} event), any other
 * failure a samp.error naming the MType, and a reply that cannot be delivered is logged. Notifications are handled
 * the same way, their response dropped.
 *
 * <p>Why not JSAMP's {@code AbstractMessageHandler}: it is the same on the reply side, but its subclass returns a
 * result map and cannot answer "ok, but ignored" (a samp.warning), and it logs every refused notification at
 * WARNING with a stack trace, which a flood of bad messages would turn into a flood of logging.
 *
 * <p>Thread-safe if the subclass's {@link #handle} is.
 */
abstract class ImmediateReplyHandler implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(ImmediateReplyHandler.class.getName());

    private final Subscriptions subscriptions = new Subscriptions();
    private final List<ReceiveListener> listeners = new CopyOnWriteArrayList<>();

    ImmediateReplyHandler(String... mtypes) {
        for (String m : mtypes) {
            subscriptions.addMType(m);
        }
    }

    /**
     * What to answer, and what to do once the answer is sent.
     *
     * @param response the response: null for samp.ok with an empty result
     * @param then run after the reply (null for nothing): the action itself, so that the sender has its answer
     *        first and a listener that ends the session cannot cut the reply off
     */
    record Decision(Response response, Runnable then) {
    }

    /**
     * Decides what to do with one message, quickly.
     *
     * @param connection the hub connection it came on
     * @param senderId the sender's public id
     * @param mtype its MType (one this handler subscribes to)
     * @param msg the message as received: anything may be missing or of the wrong type
     * @return the decision
     * @throws BadMessage naming the bad parameter
     */
    abstract Decision handle(HubConnection connection, String senderId, String mtype, Message msg) throws BadMessage;

    /** @param l told of refused messages (and, by subclasses, of more) */
    public void addListener(ReceiveListener l) {
        listeners.add(l);
    }

    /** @param l no longer told */
    public void removeListener(ReceiveListener l) {
        listeners.remove(l);
    }

    /** @return the listeners, for subclasses that report more */
    List<ReceiveListener> listeners() {
        return listeners;
    }

    @Override
    public Subscriptions getSubscriptions() {
        return subscriptions;
    }

    @Override
    public final void receiveNotification(HubConnection connection, String senderId, Message msg) {
        decide(connection, senderId, msg).after(listeners, senderId);
    }

    @Override
    public final void receiveCall(HubConnection connection, String senderId, String msgId, Message msg) {
        Outcome o = decide(connection, senderId, msg);
        try {
            connection.reply(msgId, o.response());
        } catch (Exception e) {
            // the caller went away or the hub is gone: nobody to tell
            LOG.log(Level.FINE, "could not reply to " + msgId, e);
        }
        o.after(listeners, senderId);
    }

    /** The response; then the action, or for a refused message the MType and text to tell the listeners. */
    private record Outcome(Response response, Runnable then, String mtype, String refusal) {
        void after(List<ReceiveListener> listeners, String senderId) {
            if (then != null) {
                try {
                    then.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, mtype + " from " + senderId + " failed after the reply", e);
                }
            }
            if (refusal != null) {
                for (ReceiveListener l : listeners) {
                    try {
                        l.rejected(senderId, mtype, refusal);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "receive listener failed", e);
                    }
                }
            }
        }
    }

    private Outcome decide(HubConnection connection, String senderId, Message msg) {
        String mtype = String.valueOf(msg.get(Message.MTYPE_KEY));
        try {
            Decision d = handle(connection, senderId, mtype, msg);
            Response r = d.response() != null ? d.response() : Response.createSuccessResponse(new HashMap<>());
            return new Outcome(r, d.then(), mtype, null);
        } catch (BadMessage e) {
            LOG.fine(() -> "refused " + mtype + " from " + senderId + ": " + e.getMessage());
            return new Outcome(error(e.getMessage()), null, mtype, e.getMessage());
        } catch (Throwable t) {
            LOG.log(Level.WARNING, mtype + " from " + senderId + " failed", t);
            return new Outcome(error(SampParams.safe(mtype + " failed in iso-samp: " + t, 300)), null, mtype, null);
        }
    }

    /** @return a samp.error response with this text */
    static Response error(String text) {
        return Response.createErrorResponse(new ErrInfo(text));
    }

    /** @return a samp.warning answer, nothing done: accepted but not acted on, and why */
    static Decision warning(String text) {
        return new Decision(new Response(Response.WARNING_STATUS, new HashMap<>(), new ErrInfo(text)), null);
    }

    /** @return our own public id on this connection, or null */
    static String selfId(HubConnection connection) {
        try {
            return connection.getRegInfo().getSelfId();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
