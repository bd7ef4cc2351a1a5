package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --archive local} lives as long as the command: a result holding its URLs says so, once, with the way to
 * serve them again; a result without such URLs, or from an archive that outlives the command, says nothing.
 */
class LocalLinksTest {

    private static final Pattern NOTE = Pattern.compile("note: (\\d+) URLs in this result point at the local archive "
        + "on port (\\d+), which stops with this command; 'iso-samp serve-local --port \\2' serves them again");

    @Test
    void aSavedResultWithTheCommandsLocalUrlsSaysSoAndServeLocalOnThatPortAnswersThem(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("ssap.csv");
        CliRun r = CliRun.run("cone", "--archive", "local", "--no-cache", "10.684708", "41.26875",
                              "--table", "ivoa.ssap", "--output-file", csv.toString());
        assertEquals(0, r.exit(), r.err());
        Matcher m = NOTE.matcher(r.err().strip());
        assertTrue(m.matches(), r.err());
        assertEquals("4", m.group(1), "the 4 spectra's references");
        int port = Integer.parseInt(m.group(2));
        String url = Files.readAllLines(csv).stream().flatMap(l -> List.of(l.split(",")).stream())
            .filter(c -> c.startsWith("http://127.0.0.1:" + port + "/")).findFirst().orElseThrow();
        // what the note promises: the same port, a new local archive, the same URL answers
        try (LocalArchive again = LocalArchive.builder().port(port).start()) {
            OkHttpClient http = IsoArchive.defaultHttpClient();
            try (Response resp = http.newCall(new Request.Builder().url(url).head().build()).execute()) {
                assertEquals(200, resp.code(), url);
            }
        }
    }

    @Test
    void aPrintedResultSaysSoToo() {
        CliRun r = CliRun.run("cone", "--archive", "local", "--no-cache", "10.684708", "41.26875",
                              "--table", "ivoa.siap");
        assertEquals(0, r.exit(), r.err());
        assertTrue(NOTE.matcher(r.err().strip()).matches(), r.err());
        assertEquals("", CliRun.run("cone", "--archive", "local", "--no-cache", "-q", "10.684708", "41.26875",
                                    "--table", "ivoa.siap").err(), "--quiet");
    }

    @Test
    void noNoteWithoutSuchUrlsOrForAnArchiveThatOutlivesTheCommand() {
        CliRun noUrls = CliRun.run("cone", "--archive", "local", "--no-cache", "10.684708", "41.26875",
                                   "--table", "ivoa.ssap", "--columns", "target_name");
        assertEquals(0, noUrls.exit(), noUrls.err());
        assertEquals("", noUrls.err());
        CliRun shared = CliRun.run("cone", "--archive", SharedArchive.get().baseUrl().toString(), "10.684708",
                                   "41.26875", "--table", "ivoa.ssap");
        assertEquals(0, shared.exit(), shared.err());
        assertFalse(shared.err().contains("note:"), shared.err());
    }

    @Test
    void aFileIsSearchedForTheUrlAsBytes(@TempDir Path dir) throws Exception {
        try (ArchiveSession session = ArchiveSettings.local().open()) {
            int port = session.localPort().getAsInt();
            String base = "http://127.0.0.1:" + port + "/";
            Path f = Files.writeString(dir.resolve("x.vot"), "<TD>hhttp://127.0.0.1:" + port + "/a</TD>"
                + "<TD>" + base + "b</TD><TD>http://127.0.0.1:" + (port + 1) + "/c</TD>");
            java.io.StringWriter err = new java.io.StringWriter();
            assertEquals(2, LocalLinks.noteFile(session, f, new java.io.PrintWriter(err), false));
            assertTrue(NOTE.matcher(err.toString().strip()).matches(), err.toString());
        }
    }
}
