package org.isosamp.samp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Response;

/**
 * Who was asked to load something, and what each said: the reply of every recipient that answered in time
 * ({@code samp.ok}, {@code samp.warning} or {@code samp.error}); a recipient without an entry stayed silent.
 *
 * @param recipients the clients called, in order
 * @param replies the replies, keyed by the same {@link SampPeer} objects as {@code recipients}
 */
public record Delivery(List<SampPeer> recipients, Map<SampPeer, Response> replies) {

    public Delivery {
        recipients = List.copyOf(recipients);
        replies = Collections.unmodifiableMap(new LinkedHashMap<>(replies));
    }

    /** @return true if at least one recipient replied {@code samp.ok} */
    public boolean anyOk() {
        return replies.values().stream().anyMatch(Response::isOK);
    }

    /**
     * @return true if at least one recipient replied {@code samp.ok} or {@code samp.warning} (SAMP: "the action was
     *         performed, but with some problems"): it loaded what was sent
     */
    public boolean anyLoaded() {
        return replies.values().stream().anyMatch(r -> r.isOK() || Response.WARNING_STATUS.equals(r.getStatus()));
    }

    /** @return the recipients that did not reply in time */
    public List<SampPeer> silent() {
        List<SampPeer> out = new ArrayList<>();
        for (SampPeer p : recipients) {
            if (!replies.containsKey(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
