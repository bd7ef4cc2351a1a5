package org.isosamp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.Subscriptions;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.MessageHandler;
import org.astrogrid.samp.client.SampException;

/**
 * A second SAMP client (plain JSAMP) that behaves as told when called: loads the {@code url} it is sent, as a real
 * viewer does while the sender waits, and replies {@code samp.ok}, {@code samp.warning} or {@code samp.error}, or
 * never replies at all. Records each message with the bytes it loaded.
 */
public final class ScriptedViewer implements AutoCloseable {

    /** How it answers a call. */
    public enum Reply { OK, WARNING, ERROR, SILENT }

    /** One received message and what its URL served then (null if it had none or it failed). */
    public record Loaded(Message message, byte[] body, String error) {
    }

    private final HubConnector connector;
    private final LinkedBlockingQueue<Loaded> inbox = new LinkedBlockingQueue<>();

    public ScriptedViewer(TestHub hub, String name, Reply reply, String errorText, String... mtypes)
            throws SampException {
        connector = new HubConnector(hub.location().profile());
        Metadata meta = new Metadata();
        meta.setName(name);
        connector.declareMetadata(meta);
        Subscriptions subs = new Subscriptions();
        for (String m : mtypes) {
            subs.addMType(m);
        }
        connector.addMessageHandler(new MessageHandler() {
            @Override
            public Map<?, ?> getSubscriptions() {
                return subs;
            }

            @Override
            public void receiveNotification(HubConnection c, String senderId, Message msg) {
                inbox.add(load(msg));
            }

            @Override
            public void receiveCall(HubConnection c, String senderId, String msgId, Message msg) throws SampException {
                Loaded loaded = load(msg);
                inbox.add(loaded);
                switch (reply) {
                case OK:
                    c.reply(msgId, Response.createSuccessResponse(Map.of()));
                    break;
                case WARNING:
                    c.reply(msgId, new Response(Response.WARNING_STATUS, Map.of(), new ErrInfo(errorText)));
                    break;
                case ERROR:
                    c.reply(msgId, Response.createErrorResponse(new ErrInfo(errorText)));
                    break;
                case SILENT:
                default:
                    break;
                }
            }
        });
        connector.declareSubscriptions(connector.computeSubscriptions());
        connector.setActive(true);
        if (!connector.isConnected()) {
            throw new SampException("scripted viewer " + name + " could not register with " + hub.location());
        }
    }

    private static Loaded load(Message msg) {
        Object url = msg.getParam("url");
        if (url == null) {
            return new Loaded(msg, null, "no url");
        }
        try (InputStream in = new URL(url.toString()).openStream()) {
            return new Loaded(msg, in.readAllBytes(), null);
        } catch (IOException e) {
            return new Loaded(msg, null, e.toString());
        }
    }

    /** @return its public id */
    public String id() throws SampException {
        return connector.getConnection().getRegInfo().getSelfId();
    }

    /** @return the next message within the time, or null */
    public Loaded next(java.time.Duration timeout) throws InterruptedException {
        return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        connector.setActive(false);
    }
}
