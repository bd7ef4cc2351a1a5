package org.isosamp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.SampException;

/**
 * A second, independent SAMP client (plain JSAMP, none of our code), standing in for TOPCAT, Aladin or SPLAT:
 * it subscribes to the given MTypes, answers every call with samp.ok, and records what it received. A
 * {@linkplain #loading loading} one first reads the message's {@code url}, as TOPCAT does before it replies (and
 * fails the call if it cannot).
 */
public final class FakeViewer implements AutoCloseable {

    /** One received message, and for a loading viewer the bytes of its {@code url} (else null). */
    public record Received(String senderId, Message message, byte[] loaded) {
    }

    private final HubConnector connector;
    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();

    public FakeViewer(TestHub hub, String name, String... mtypes) throws SampException {
        this(hub, name, false, mtypes);
    }

    /** @return a viewer that reads each message's {@code url} before it replies, as TOPCAT does */
    public static FakeViewer loading(TestHub hub, String name, String... mtypes) throws SampException {
        return new FakeViewer(hub, name, true, mtypes);
    }

    private FakeViewer(TestHub hub, String name, boolean load, String... mtypes) throws SampException {
        connector = new HubConnector(hub.location().profile());
        Metadata meta = new Metadata();
        meta.setName(name);
        connector.declareMetadata(meta);
        connector.addMessageHandler(new AbstractMessageHandler(mtypes) {
            @Override
            public Map<?, ?> processCall(HubConnection c, String senderId, Message msg) throws IOException {
                byte[] loaded = null;
                if (load && msg.getParam("url") != null) {
                    try (InputStream in = URI.create((String) msg.getParam("url")).toURL().openStream()) {
                        loaded = in.readAllBytes();
                    }
                }
                inbox.add(new Received(senderId, msg, loaded));
                return null;
            }
        });
        connector.declareSubscriptions(connector.computeSubscriptions());
        connector.setActive(true);
        if (!connector.isConnected()) {
            throw new SampException("fake viewer " + name + " could not register with " + hub.location());
        }
    }

    /** @return its public id */
    public String id() throws SampException {
        return connector.getConnection().getRegInfo().getSelfId();
    }

    /** @return the connector, to send messages as this client */
    public HubConnector connector() {
        return connector;
    }

    /** @return the next message received within the time, or null */
    public Received next(Duration timeout) throws InterruptedException {
        return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return everything received so far, removed from the inbox */
    public List<Received> drain() {
        List<Received> out = new ArrayList<>();
        inbox.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        connector.setActive(false);
    }
}
