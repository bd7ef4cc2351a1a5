package org.isosamp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * The one place that warns of dead links: {@code --archive local} starts the local archive for one command on a
 * free port, and the URLs it puts in results ({@code ivoa.ssap.reference}, {@code access_url}, ...) point at
 * that port, which closes when the command ends. A saved or printed result holding such URLs gets one note on
 * stderr saying so, and how to serve them again: the local archive is deterministic, so {@code serve-local} on
 * the same port answers the same URLs with the same products.
 */
final class LocalLinks {

    private LocalLinks() {
    }

    /**
     * @param session the archive session; nothing is said unless its local archive is the command's own
     * @param result  the result as saved or printed (random access or not: read once)
     * @param err     where the note goes
     * @param quiet   whether to keep it to ourselves
     * @return how many cells link to the command's local archive
     */
    static long note(ArchiveOptions.Session session, StarTable result, PrintWriter err, boolean quiet)
            throws IOException {
        if (session.local() == null || result == null) {
            return 0;
        }
        String base = "http://127.0.0.1:" + session.local().port() + "/";
        String alias = "http://localhost:" + session.local().port() + "/";
        long links = 0;
        int n = result.getColumnCount();
        try (RowSequence rs = result.getRowSequence()) {
            while (rs.next()) {
                for (int i = 0; i < n; i++) {
                    if (rs.getCell(i) instanceof String s && (s.startsWith(base) || s.startsWith(alias))) {
                        links++;
                    }
                }
            }
        }
        if (links > 0 && !quiet) {
            err.println("note: " + links + (links == 1 ? " URL" : " URLs") + " in this result point at the local "
                        + "archive on port " + session.local().port() + ", which stops with this command; "
                        + "'iso-samp serve-local --port " + session.local().port() + "' serves them again");
            err.flush();
        }
        return links;
    }
}
