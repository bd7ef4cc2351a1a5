package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small response helpers for {@code com.sun.net.httpserver}. Stateless. */
final class Http {

    static final String SERVER = "iso-samp-local/0.1";
    static final String XML = "text/xml; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";
    static final String VOTABLE = "application/x-votable+xml; charset=UTF-8";

    private Http() {
    }

    /** Sends a complete in-memory body (no body for HEAD). */
    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other with an absolute Location. */
    static void seeOther(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(303, -1);
        ex.close();
    }

    /** A plain-text error for non-TAP endpoints (data). */
    static void plainError(HttpExchange ex, int status, String message) throws IOException {
        send(ex, status, TEXT, message + "\n");
    }

    /** @return {@code http://host:port} as the client addressed us (Host header). */
    static String origin(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            host = "127.0.0.1:" + ex.getLocalAddress().getPort();
        }
        return "http://" + host;
    }

    static String xmlEscape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
