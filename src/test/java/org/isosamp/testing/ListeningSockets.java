package org.isosamp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc}: {@code /proc/PID/net/tcp} and
 * {@code tcp6} list every listening socket of the process's network namespace with its inode, and the links in
 * {@code /proc/PID/fd} ({@code socket:[INODE]}) say which of them the process holds. What {@code ss -ltnp}
 * shows, without needing {@code ss}.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    private ListeningSockets() {
    }

    /**
     * @param pid a process of the same user (this JVM's own: {@code ProcessHandle.current().pid()})
     * @return the local addresses it listens on, {@code 0.0.0.0} or {@code ::} for every interface
     * @throws IOException if {@code /proc} cannot be read (not Linux, or the process is gone)
     */
    public static List<InetSocketAddress> of(long pid) throws IOException {
        Path proc = Path.of("/proc", String.valueOf(pid));
        Map<Long, InetSocketAddress> listening = new HashMap<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            if (!Files.exists(file)) {
                continue;   // no IPv6 in this kernel
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals(LISTEN)) {
                    listening.put(Long.parseLong(f[9]), address(f[1]));
                }
            }
        }
        Set<Long> held = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    Matcher m = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
                    if (m.matches()) {
                        held.add(Long.parseLong(m.group(1)));
                    }
                } catch (IOException e) {
                    // closed between the listing and the read
                }
            }
        }
        List<InetSocketAddress> out = new ArrayList<>();
        listening.forEach((inode, addr) -> {
            if (held.contains(inode)) {
                out.add(addr);
            }
        });
        return out;
    }

    /**
     * Decodes an address of {@code /proc/net/tcp[6]}, e.g. {@code 0100007F:1F90} (127.0.0.1:8080): the address as
     * 32-bit words in host (here little-endian) order, the port in hex.
     *
     * @param hex the {@code local_address} field
     * @return the address
     */
    public static InetSocketAddress address(String hex) {
        int colon = hex.indexOf(':');
        String a = hex.substring(0, colon);
        byte[] bytes = new byte[a.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;   // little-endian within each word
                bytes[word * 4 + b] = (byte) Integer.parseInt(a.substring(at, at + 2), 16);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(hex.substring(colon + 1), 16));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("bad address in /proc/net/tcp: " + hex, e);
        }
    }
}
