package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isosamp.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * iso-samp with astropy.samp, an independent SAMP implementation (Debian's python3-astropy): its hub is not
 * JSAMP's, so this checks we speak the Standard Profile, not just JSAMP's dialect of it.
 */
class AstropySampTest {

    static final String PY = "/usr/bin/python3";
    static final Path SCRIPT = Path.of("src/test/python/samp_peer.py").toAbsolutePath();

    /** Starts a python peer and waits for its "ready" line; the caller destroys it. */
    static Process startPeer(Path dir, List<String> env, String... args) throws Exception {
        Peers.require(PY, "python3-astropy");
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(PY, SCRIPT.toString())));
        pb.command().addAll(List.of(args));
        pb.directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("SAMP_HUB");   // astropy's hub prefers it to its own lockfile argument
        for (String kv : env) {
            int eq = kv.indexOf('=');
            pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        Process p = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuffer seen = new StringBuffer();
        // read on another thread, so that a peer that hangs silently fails the test at the deadline
        java.util.concurrent.CompletableFuture<Boolean> ready = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = r.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    if (line.startsWith("ready")) {
                        return true;
                    }
                }
            } catch (java.io.IOException e) {
                seen.append(e);
            }
            return false;
        });
        try {
            if (ready.get(30, TimeUnit.SECONDS)) {
                return p;
            }
        } catch (java.util.concurrent.TimeoutException e) {
            // not ready in time
        }
        p.destroyForcibly();
        throw new AssertionError("python peer " + List.of(args) + " never got ready:\n" + seen);
    }

    @Test
    void joinsAnAstropyHubAndSeesItsClients(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("astropy.lock");
        Process hub = startPeer(dir, List.of(), "hub", lock.toString(), "60");
        try {
            CliRun r = CliRun.run("clients", "--samp-hub", "std-lockurl:" + lock.toUri(), "--all", "--hub-wait", "20");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("Astropy SAMP Hub"), r.out());
        } finally {
            hub.destroy();
            hub.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAstropyClientReceivesAQueryResultAndAnImage(@TempDir Path dir) throws Exception {
        try (org.isosamp.testing.TestHub hub = org.isosamp.testing.TestHub.start()) {
            List<String> env = List.of("SAMP_HUB=" + hub.sampHub());
            Process table = startPeer(dir, env, "receive", "table.load.votable", "1", "60");
            try {
                CliRun r = CliRun.run("send-table", "--samp-hub", hub.sampHub(),
                    "SELECT TOP 7 * FROM ivoa.ssap");
                assertEquals(0, r.exit(), r.err() + r.out());
                assertTrue(r.out().contains("astropy-peer") && r.out().contains("samp.ok"), r.out());
                String json = lastLine(table);
                assertTrue(json.contains("\"format\": \"votable\"") && json.contains("\"rows\": 7"), json);
                assertTrue(json.contains("\"table-id\": \"iso-samp-"), json);
            } finally {
                table.destroy();
            }
            Process image = startPeer(dir, env, "receive", "image.load.fits", "1", "60");
            try {
                CliRun r = CliRun.run("send-product", "--samp-hub", hub.sampHub(), "58302402");
                assertEquals(0, r.exit(), r.err() + r.out());
                String json = lastLine(image);
                assertTrue(json.contains("\"format\": \"fits\"") && json.contains("image.load.fits"), json);
            } finally {
                image.destroy();
            }
        }
    }

    /** @return the peer's last line of output once it has exited */
    private static String lastLine(Process p) throws Exception {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("python peer did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.split("\\R");
        return lines[lines.length - 1];
    }
}
