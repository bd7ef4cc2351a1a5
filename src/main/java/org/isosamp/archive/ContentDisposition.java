package org.isosamp.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A tolerant reader of the {@code filename} of a {@code Content-Disposition} header (RFC 6266): disposition type
 * {@code attachment}, {@code inline}, any other or none; quoted ({@code filename="a b.tar"}, backslash escapes),
 * unquoted ({@code filename=a.tar}) and RFC 5987 extended ({@code filename*=UTF-8''a%20b.tar}) values; the
 * extended form wins when both are given. The result is <em>not</em> sanitised: see {@link FileNames#sanitise}.
 * Stateless, thread-safe.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /**
     * @param header the header value, may be null
     * @return the file name it gives, or null when there is none (no header, no filename parameter, empty value)
     */
    static String filename(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String plain = null;
        String extended = null;
        int i = 0;
        int n = header.length();
        while (i < n) {
            // parameter name up to '=' or ';'
            int start = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';') {
                i++;
            }
            String name = header.substring(start, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || header.charAt(i) == ';') {
                i++; // a bare token such as the disposition type
                continue;
            }
            i++; // '='
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < n && header.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = header.charAt(++i);
                    }
                    sb.append(c);
                    i++;
                }
                i++; // closing quote (or end)
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
                value = sb.toString();
            } else {
                int vs = i;
                while (i < n && header.charAt(i) != ';') {
                    i++;
                }
                value = header.substring(vs, i).trim();
            }
            i++; // ';'
            if (name.equals("filename*")) {
                String decoded = decodeExtended(value);
                if (decoded != null && !decoded.isEmpty()) {
                    extended = decoded;
                }
            } else if (name.equals("filename") && !value.isEmpty()) {
                plain = value;
            }
        }
        return extended != null ? extended : plain;
    }

    /** RFC 5987 {@code charset'language'pct-encoded}; null when malformed or the charset is unknown. */
    static String decodeExtended(String value) {
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return null;
        }
        Charset cs;
        try {
            String csName = value.substring(0, q1).trim();
            cs = csName.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(csName);
        } catch (RuntimeException e) {
            return null;
        }
        String enc = value.substring(q2 + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%' && i + 2 < enc.length()) {
                int hi = Character.digit(enc.charAt(i + 1), 16);
                int lo = Character.digit(enc.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                return null;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(cs);
    }
}
