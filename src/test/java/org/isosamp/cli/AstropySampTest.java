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
        StringBuilder seen = new StringBuilder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (System.nanoTime() < end && (line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("ready")) {
                return p;
            }
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
}
