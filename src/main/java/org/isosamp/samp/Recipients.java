package org.isosamp.samp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.ResultHandler;
import org.astrogrid.samp.client.SampException;

/**
 * Choosing whom to send to, and calling each one with its own message, all at once, waiting for every reply or
 * the time limit. Shared by the table and product senders. Stateless.
 */
final class Recipients {

    private static final Logger LOG = Logger.getLogger(Recipients.class.getName());

    private Recipients() {
    }

    /**
     * @param client the connected client
     * @param nameOrId one client (by id, or by name ignoring case), or null for every client that takes it
     * @param mtypes the MTypes that carry it, any of which will do
     * @param what what is sent, for messages (e.g. "the table", "58002102.fits (a spectrum)")
     * @return the recipients, hub order
     * @throws SampException if not connected, if the named client is not there or takes none of the MTypes, or if
     *         no client takes any of them; the message names the MTypes and the clients on the hub
     */
    static List<SampPeer> choose(SampClient client, String nameOrId, List<String> mtypes, String what)
            throws SampException {
        if (!client.isConnected()) {
            throw new SampException("not connected to a SAMP hub");
        }
        String wanted = String.join(" or ", mtypes);
        if (nameOrId != null && !nameOrId.isBlank()) {
            SampPeer p = client.peer(nameOrId.trim());
            if (mtypes.stream().noneMatch(p::subscribes)) {
                throw new SampException("cannot send " + what + " to " + p + ": it does not take " + wanted
                    + " (it takes: " + subscriptions(p) + ")");
            }
            return List.of(p);
        }
        List<SampPeer> all = client.peers();
        List<SampPeer> out = new ArrayList<>();
        for (SampPeer p : all) {
            if (mtypes.stream().anyMatch(p::subscribes)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new SampException("nobody received " + what + ": no client on the hub takes " + wanted
                + " (clients: " + names(all) + ")");
        }
        return out;
    }

    static String names(List<SampPeer> peers) {
        return peers.isEmpty() ? "none" : String.join(", ", peers.stream().map(SampPeer::toString).toList());
    }

    private static String subscriptions(SampPeer p) {
        List<String> s = p.subscriptions().stream().filter(m -> !m.startsWith("samp.") && !m.equals("client.env.get")).sorted().toList();
        return s.isEmpty() ? "nothing but samp.* administration" : String.join(" ", s);
    }

    /**
     * Calls each recipient with its message at the same time, and waits until all have replied or the time is up.
     *
     * @param client the connected client
     * @param messages each recipient's message (checked here)
     * @param timeout how long to wait for replies
     * @return the replies that came, keyed by the given peers; a call the hub refused (the client left meanwhile)
     *         is an error reply saying so
     */
    static Delivery callEach(SampClient client, Map<SampPeer, Message> messages, Duration timeout)
            throws SampException, InterruptedException {
        for (Message m : messages.values()) {
            m.check();
        }
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        Map<SampPeer, Response> replies = new LinkedHashMap<>();
        CountDownLatch done = new CountDownLatch(messages.size());
        for (Map.Entry<SampPeer, Message> e : messages.entrySet()) {
            SampPeer peer = e.getKey();
            try {
                client.connector().call(peer.id(), e.getValue(), new ResultHandler() {
                    @Override
                    public void result(Client responder, Response response) {
                        synchronized (replies) {
                            replies.put(peer, response);
                        }
                    }

                    @Override
                    public void done() {
                        done.countDown();
                    }
                }, seconds);
            } catch (SampException refused) {
                LOG.fine(() -> "call to " + peer + " refused: " + refused.getMessage());
                synchronized (replies) {
                    replies.put(peer, Response.createErrorResponse(new ErrInfo("not delivered: "
                        + refused.getMessage())));
                }
                done.countDown();
            }
        }
        if (!done.await(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS)) {
            LOG.fine("some calls did not finish in time");
        }
        Map<SampPeer, Response> ordered = new LinkedHashMap<>();
        synchronized (replies) {
            for (SampPeer p : messages.keySet()) {
                if (replies.containsKey(p)) {
                    ordered.put(p, replies.get(p));
                }
            }
        }
        return new Delivery(new ArrayList<>(messages.keySet()), ordered);
    }
}
