package org.isosamp.cli;

import java.io.PrintWriter;
import org.astrogrid.samp.ErrInfo;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.SampException;
import org.isosamp.samp.Delivery;
import org.isosamp.samp.SampPeer;

/** Prints what each receiver of a SAMP send said, one line each, and turns "nobody loaded it" into the failure. */
final class Deliveries {

    private Deliveries() {
    }

    /**
     * Prints {@code <name> (<id>): samp.ok}, {@code ...: samp.error: <text>} or {@code ...: no reply in N s} per
     * recipient, in the order they were called.
     *
     * @param what what was sent, e.g. "the table"
     * @return 0 if at least one receiver loaded it ({@code samp.ok}, or {@code samp.warning}: loaded with problems)
     * @throws SampException saying nobody loaded it and why, in one line, otherwise
     */
    static int report(PrintWriter out, Delivery d, int timeoutSeconds, String what) throws SampException {
        int errors = 0;
        for (SampPeer p : d.recipients()) {
            Response r = d.replies().get(p);
            if (r == null) {
                out.println(p + ": no reply in " + timeoutSeconds + " s");
                continue;
            }
            String status = r.getStatus() == null ? "(no status)" : r.getStatus();
            ErrInfo e = r.getErrInfo();
            String text = e == null || e.getErrortxt() == null ? "" : e.getErrortxt().replaceAll("\\s*\\R\\s*", " ");
            out.println(p + ": " + status + (text.isEmpty() ? "" : ": " + text));
            if (!r.isOK() && !Response.WARNING_STATUS.equals(r.getStatus())) {
                errors++;
            }
        }
        out.flush();
        if (d.anyLoaded()) {
            return 0;
        }
        int silent = d.silent().size();
        String why = (errors > 0 ? errors + " replied with an error" : "")
            + (errors > 0 && silent > 0 ? ", " : "")
            + (silent > 0 ? silent + " sent no reply in " + timeoutSeconds + " s" : "");
        throw new SampException("no receiver loaded " + what + " (" + why + ")");
    }
}
