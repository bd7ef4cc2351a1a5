package org.isosamp.samp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.SampException;

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

    /**
     * What one recipient said, in one line: {@code samp.ok}, {@code samp.warning: <text>},
     * {@code samp.error: <text>} (the error text with its line breaks folded), or {@code no reply in N s}.
     *
     * @param p one of {@link #recipients()}
     * @param timeout how long it had to reply (named in the line for silence)
     * @return the line, without the recipient's name
     */
    public String outcome(SampPeer p, Duration timeout) {
        Response r = replies.get(p);
        if (r == null) {
            return "no reply in " + timeout.toSeconds() + " s";
        }
        String status = r.getStatus() == null ? "(no status)" : r.getStatus();
        ErrInfo e = r.getErrInfo();
        String text = e == null || e.getErrortxt() == null ? "" : e.getErrortxt().replaceAll("\\s*\\R\\s*", " ");
        return status + (text.isEmpty() ? "" : ": " + text);
    }

    /** @return how many recipients replied with neither {@code samp.ok} nor {@code samp.warning} */
    public int errors() {
        return (int) replies.values().stream()
            .filter(r -> !r.isOK() && !Response.WARNING_STATUS.equals(r.getStatus())).count();
    }

    /**
     * Fails unless someone loaded what was sent ({@link #anyLoaded()}).
     *
     * @param what what was sent, e.g. "the table" or "58002102.fits"
     * @param timeout how long each recipient had to reply
     * @throws SampException saying nobody loaded it and why, in one line: {@code no receiver loaded the table
     *         (1 replied with an error, 2 sent no reply in 30 s)}
     */
    public void requireLoaded(String what, Duration timeout) throws SampException {
        if (anyLoaded()) {
            return;
        }
        int errors = errors();
        int silent = silent().size();
        String why = (errors > 0 ? errors + " replied with an error" : "")
            + (errors > 0 && silent > 0 ? ", " : "")
            + (silent > 0 ? silent + " sent no reply in " + timeout.toSeconds() + " s" : "");
        throw new SampException("no receiver loaded " + what + " (" + why + ")");
    }
}
