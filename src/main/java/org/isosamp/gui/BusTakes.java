package org.isosamp.gui;

import java.util.ArrayList;
import java.util.List;
import org.isosamp.samp.SampPeer;

/**
 * What another client on the bus takes, in words a user knows (table, spectrum, image, sky position, rows), read
 * from its subscriptions (wildcards included): what the bus panel shows beside each client, and how it tells who
 * can be sent what. Stateless.
 */
final class BusTakes {

    /** One thing a client may take: its word and the MTypes that carry it, any of which will do. */
    private record Take(String word, List<String> mtypes) {
    }

    private static final List<Take> TAKES = List.of(
        new Take("table", List.of("table.load.votable", "table.load.fits")),
        new Take("spectrum", List.of("spectrum.load.ssa-generic")),
        new Take("image", List.of("image.load.fits")),
        new Take("sky position", List.of("coord.pointAt.sky")),
        new Take("rows", List.of("table.highlight.row", "table.select.rowList")));

    private BusTakes() {
    }

    /** @return the words for what the peer takes, e.g. {@code [table, image, sky position]}; empty for the hub */
    static List<String> words(SampPeer peer) {
        List<String> out = new ArrayList<>();
        for (Take t : TAKES) {
            if (t.mtypes().stream().anyMatch(peer::subscribes)) {
                out.add(t.word());
            }
        }
        return out;
    }

    /** @return true if the peer takes a table, a spectrum or an image: something iso-samp can send it */
    static boolean takesSomethingWeSend(SampPeer peer) {
        List<String> w = words(peer);
        return w.contains("table") || w.contains("spectrum") || w.contains("image");
    }

    /** @return one line for the client list: {@code SPLAT-VO: spectrum, table} or {@code Hub: nothing to send to} */
    static String describe(SampPeer peer) {
        List<String> w = words(peer);
        return peer.name() + ": " + (w.isEmpty() ? "nothing iso-samp sends" : String.join(", ", w));
    }
}
