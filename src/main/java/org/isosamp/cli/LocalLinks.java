package org.isosamp.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isosamp.archive.ArchiveSession;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

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
    static long note(ArchiveSession session, StarTable result, PrintWriter err, boolean quiet)
            throws IOException {
        if (session.localPort().isEmpty() || result == null) {
            return 0;
        }
        String base = "http://127.0.0.1:" + session.localPort().getAsInt() + "/";
        String alias = "http://localhost:" + session.localPort().getAsInt() + "/";
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
        say(session, links, "URL", err, quiet);
        return links;
    }

    /**
     * As {@link #note(ArchiveSession, StarTable, PrintWriter, boolean)} for a result saved as it came (a
     * VOTable, or rows streamed into a file): the file's bytes are searched for the archive's URL, and when they do
     * not hold it, the cells of a file STIL recognises by itself (VOTable, FITS).
     *
     * @return how many times the file names the command's local archive
     */
    static long noteFile(ArchiveSession session, Path file, PrintWriter err, boolean quiet)
            throws IOException {
        if (session.localPort().isEmpty() || file == null || !Files.isRegularFile(file)) {
            return 0;
        }
        byte[] needle = ("http://127.0.0.1:" + session.localPort().getAsInt() + "/").getBytes(StandardCharsets.US_ASCII);
        long found = 0;
        int matched = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                // the needle has no repeated prefix ("h" occurs once before its end), so a mismatch restarts it
                matched = b == needle[matched] ? matched + 1 : b == needle[0] ? 1 : 0;
                if (matched == needle.length) {
                    found++;
                    matched = 0;
                }
            }
        }
        if (found == 0) {
            // base64 cells (VOTable BINARY2, as the archive sends) hide the bytes: read the cells instead
            StarTable t;
            try {
                t = new StarTableFactory(false).makeStarTable(file.toString());
            } catch (IOException notATableStilKnowsUnaided) {
                t = null; // csv and the like: searched as bytes above
            }
            if (t != null) {
                return note(session, t, err, quiet);
            }
        }
        say(session, found, "URL", err, quiet);
        return found;
    }

    private static void say(ArchiveSession session, long links, String what, PrintWriter err,
                            boolean quiet) {
        if (links > 0 && !quiet) {
            int port = session.localPort().getAsInt();
            err.println("note: " + links + " " + what + (links == 1 ? "" : "s") + " in this result point at the local "
                        + "archive on port " + port + ", which stops with this command; "
                        + "'iso-samp serve-local --port " + port + "' serves them again");
            err.flush();
        }
    }
}
