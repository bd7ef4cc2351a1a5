package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Request parameters from the query string and an
 * {@code application/x-www-form-urlencoded} body, names case-insensitive
 * (TAP 1.1), first value wins. Immutable.
 */
final class Params {

    /** Largest form body accepted (a long ADQL query fits many times over). */
    static final int MAX_BODY = 4 << 20;

    private final Map<String, String> values;   // upper-case name -> value
    private final Map<String, String> original; // original name -> value, in order

    private Params(Map<String, String> values, Map<String, String> original) {
        this.values = values;
        this.original = original;
    }

    static Params of(Map<String, String> m) {
        Map<String, String> v = new LinkedHashMap<>();
        m.forEach((k, x) -> v.putIfAbsent(k.toUpperCase(Locale.ROOT), x));
        return new Params(v, new LinkedHashMap<>(m));
    }

    /** Reads query string and form body of an exchange. */
    static Params read(HttpExchange ex) throws IOException, TapException {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, String> o = new LinkedHashMap<>();
        parse(ex.getRequestURI().getRawQuery(), v, o);
        if ("POST".equals(ex.getRequestMethod())) {
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                throw new TapException(415, "multipart/form-data requests (table uploads) are not supported;"
                                            + " send application/x-www-form-urlencoded");
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                throw new TapException(413, "request body larger than " + MAX_BODY + " bytes");
            }
            parse(new String(body, StandardCharsets.UTF_8), v, o);
        }
        return new Params(v, o);
    }

    private static void parse(String raw, Map<String, String> v, Map<String, String> o)
            throws TapException {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;                       // "data?&retrieval_type=..." is tolerated
            }
            int eq = pair.indexOf('=');
            String k;
            String x;
            try {
                k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                x = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new TapException(400, "Malformed URL encoding in \"" + abbreviate(pair) + "\"");
            }
            v.putIfAbsent(k.toUpperCase(Locale.ROOT), x);
            o.putIfAbsent(k, x);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** @return the value of a parameter (any case), or null */
    String get(String name) {
        return values.get(name.toUpperCase(Locale.ROOT));
    }

    boolean has(String name) {
        return values.containsKey(name.toUpperCase(Locale.ROOT));
    }

    /** @return parameters as sent, in order */
    Map<String, String> asMap() {
        return Collections.unmodifiableMap(original);
    }
}
