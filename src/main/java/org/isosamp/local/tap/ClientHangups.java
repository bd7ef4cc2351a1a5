package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Notices a sync client that hangs up while its query runs, and cancels the query.
 *
 * <p>Why this way: the JDK's HTTP server gives a handler no disconnect event, and while a handler runs it
 * keeps the connection's channel blocking and out of its selector; the request body is read to its end
 * (a further read returns -1 without touching the socket), and nothing is written before the query's
 * first rows. What does see the hang-up is the kernel: when the client closes its socket (a finished or
 * killed process, a cancelled call), our end of the connection goes to {@code CLOSE_WAIT}, or leaves the
 * table when the client resets it. On Linux that table is {@code /proc/self/net/tcp6} and {@code tcp}
 * (Java's sockets are dual-stack, so IPv4 loopback connections are listed in {@code tcp6}). One timer
 * task reads it every {@value #POLL_MS} ms while sync queries run, and not at all otherwise: no work per
 * row or per quick query beyond two map operations.
 *
 * <p>Where there is no such table (not Linux), nothing is watched: a query whose client left then runs
 * until its execution duration. A client that half-closes its socket after the request (HTTP/1.1 clients
 * don't) would be taken for one that left. Thread-safe.
 */
final class ClientHangups {

    private static final Logger LOG = Logger.getLogger(ClientHangups.class.getName());
    static final long POLL_MS = 200;
    /** The kernel's connection tables; tcp6 first, as Java's sockets are dual-stack. */
    private static final List<Path> TABLES = List.of(Path.of("/proc/self/net/tcp6"), Path.of("/proc/self/net/tcp"));
    /** {@code st} of an open connection. */
    private static final int ESTABLISHED = 0x01;
    /** {@code st} of a socket whose peer has closed its side. */
    private static final int CLOSE_WAIT = 0x08;
    /** {@code st} of a socket the peer has reset. */
    private static final int CLOSE = 0x07;

    private final ScheduledExecutorService timer;
    private final boolean available;
    private final Map<Watch, Boolean> watches = new ConcurrentHashMap<>();
    /** The polling task while there are watches. Guarded by this. */
    private ScheduledFuture<?> poller;

    /** @param timer where the polling runs (a single thread is enough) */
    ClientHangups(ScheduledExecutorService timer) {
        this.timer = timer;
        this.available = TABLES.stream().anyMatch(Files::isReadable);
        if (!available) {
            LOG.fine("no /proc/self/net/tcp: sync queries of clients that leave run until their time limit");
        }
    }

    /** One watched exchange; closing it ends the watch. */
    final class Watch implements AutoCloseable {
        private final int localPort;
        private final int remotePort;
        private final Execution execution;
        /** Whether the connection has been seen in the table (so that its absence means it went). Poller only. */
        private boolean seen;

        private Watch(int localPort, int remotePort, Execution execution) {
            this.localPort = localPort;
            this.remotePort = remotePort;
            this.execution = execution;
        }

        @Override
        public void close() {
            unwatch(this);
        }
    }

    /**
     * Cancels {@code execution} if the client of {@code ex} hangs up before the watch is closed.
     *
     * @return the watch, to close when the answer is sent
     */
    Watch watch(HttpExchange ex, Execution execution) {
        Watch w = new Watch(ex.getLocalAddress().getPort(), ex.getRemoteAddress().getPort(), execution);
        if (!available) {
            return w;
        }
        watches.put(w, Boolean.TRUE);
        synchronized (this) {
            if (poller == null) {
                try {
                    poller = timer.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    LOG.fine("not watching for hang-ups: the server is stopping");
                }
            }
        }
        return w;
    }

    private void unwatch(Watch w) {
        if (watches.remove(w) == null) {
            return;
        }
        synchronized (this) {
            if (watches.isEmpty() && poller != null) {
                poller.cancel(false);
                poller = null;
            }
        }
    }

    /** Reads the connection tables once and cancels the queries of clients that left. */
    private void poll() {
        if (watches.isEmpty()) {
            return;
        }
        Set<Integer> serverPorts = new HashSet<>();
        for (Watch w : watches.keySet()) {
            serverPorts.add(w.localPort);
        }
        Map<Long, Integer> states;
        try {
            states = states(serverPorts);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "cannot read the connection table: " + e);
            return;
        }
        for (Watch w : watches.keySet()) {
            Integer st = states.get(key(w.localPort, w.remotePort));
            if (st != null && st != CLOSE_WAIT && st != CLOSE) {
                w.seen = true;
            } else if (st != null || w.seen) {
                LOG.fine(() -> "client 127.0.0.1:" + w.remotePort + " hung up; cancelling its query");
                w.execution.cancel("the client went away");
                unwatch(w);
            }
        }
    }

    private static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }

    /**
     * @return the state ({@code st}) of each connection whose local port is one of {@code localPorts},
     *         by {@link #key}
     */
    private static Map<Long, Integer> states(Set<Integer> localPorts) throws IOException {
        Map<Long, Integer> out = new HashMap<>();
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try (BufferedReader r = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
                r.readLine(); // header
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    // "  36: 0000...0100007F:9A71 0000...0100007F:C8A0 01 ..." (sl, local, remote, st)
                    String[] f = line.trim().split("\\s+", 5);
                    if (f.length < 4) {
                        continue;
                    }
                    int local = port(f[1]);
                    if (localPorts.contains(local)) {
                        // should an old entry share the ports, the live one counts
                        out.merge(key(local, port(f[2])), Integer.parseInt(f[3], 16),
                                  (a, b) -> a == ESTABLISHED ? a : b);
                    }
                }
            }
        }
        return out;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
