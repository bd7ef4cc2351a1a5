package org.isosamp.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * How a downloaded product is named. Stateless, thread-safe.
 *
 * <ol>
 * <li><b>Server name</b>: the {@code filename} of {@code Content-Disposition} ({@link ContentDisposition}); without
 * one, the URL's {@code tdt} (else {@code obsno}, else the last path segment, else {@code download}) plus an
 * extension from {@code Content-Type}: {@code application/x-tar} {@code .tar}, {@code application/fits}
 * {@code .fits}, {@code image/png} {@code .png}, gzip {@code .gz}.</li>
 * <li><b>Final name</b>: no requested name: the sanitised server name. A requested name: exactly that name (it
 * must be a bare file name, {@link #requireBareName}: never silently renamed), plus the server name's
 * {@linkplain #extension extension} unless it already ends with it
 * (case-insensitively): {@code file} + {@code .tar} = {@code file.tar}, {@code file.tar} stays {@code file.tar}
 * (never {@code file.tar.tar}); {@code x.fits} with a {@code .fits.gz} product becomes {@code x.fits.gz}.</li>
 * <li><b>Sanitising</b> of the server's name, which may be hostile ({@link #sanitise}): control characters and NUL removed, basename only (after the last
 * {@code /} or {@code \}), leading dots and surrounding blanks removed, {@code : * ? " < > |} replaced by
 * {@code _}, at most 200 characters; empty gives {@code download}.</li>
 * </ol>
 */
final class FileNames {

    static final String FALLBACK = "download";
    private static final int MAX_LENGTH = 200;
    private static final Pattern SUFFIX = Pattern.compile("\\.[A-Za-z0-9]{1,5}");
    private static final Pattern COMPRESSION = Pattern.compile("\\.(gz|bz2|xz|z|zst)", Pattern.CASE_INSENSITIVE);

    private FileNames() {
    }

    /** @return a safe basename made of {@code name}; never empty */
    static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                continue;
            }
            sb.append(":*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        String s = sb.toString();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1).strip();
        int k = 0;
        while (k < s.length() && s.charAt(k) == '.') {
            k++;
        }
        s = s.substring(k).strip();
        if (s.length() > MAX_LENGTH) {
            String ext = extension(s);
            s = s.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return s.isEmpty() ? FALLBACK : s;
    }

    /**
     * The extension of a file name: its last suffix of 1 to 5 letters or digits, with the one before it when the
     * last is a compression ({@code .fits.gz}, {@code .tar.gz}).
     *
     * @return the extension with its dot, or "" when none
     */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return "";
        }
        String last = name.substring(dot);
        if (!SUFFIX.matcher(last).matches()) {
            return "";
        }
        if (COMPRESSION.matcher(last).matches()) {
            int dot2 = name.lastIndexOf('.', dot - 1);
            if (dot2 > 0 && SUFFIX.matcher(name.substring(dot2, dot)).matches()) {
                return name.substring(dot2);
            }
        }
        return last;
    }

    /** The server's name for a product: see the class comment, step 1. Not sanitised. */
    static String serverName(String contentDisposition, MediaType contentType, HttpUrl url) {
        String cd = ContentDisposition.filename(contentDisposition);
        if (cd != null && !cd.isBlank()) {
            return cd;
        }
        String base = firstNonEmpty(url.queryParameter("tdt"), url.queryParameter("TDT"),
            url.queryParameter("obsno"), url.queryParameter("OBSNO"));
        if (base == null) {
            java.util.List<String> segs = url.pathSegments();
            for (int i = segs.size() - 1; i >= 0 && base == null; i--) {
                base = segs.get(i).isEmpty() ? null : segs.get(i);
            }
        }
        return (base == null ? FALLBACK : base) + extensionFor(contentType);
    }

    /** @return ".tar", ".fits", ".png", ".gz" ... for a content type, or "" */
    static String extensionFor(MediaType type) {
        if (type == null) {
            return "";
        }
        String t = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
        switch (t) {
            case "application/x-tar": case "application/tar": case "application/x-gtar":
                return ".tar";
            case "application/fits": case "image/fits": case "application/x-fits":
                return ".fits";
            case "image/png":
                return ".png";
            case "image/jpeg":
                return ".jpg";
            case "image/gif":
                return ".gif";
            case "application/gzip": case "application/x-gzip":
                return ".gz";
            case "application/x-votable+xml":
                return ".vot";
            default:
                return "";
        }
    }

    /** The final name: see the class comment, step 2. */
    static String finalName(String requestedName, String serverName) {
        String server = sanitise(serverName);
        if (requestedName == null) {
            return server;
        }
        String req = requireBareName(requestedName);
        String ext = extension(server);
        String lower = req.toLowerCase(Locale.ROOT);
        if (ext.isEmpty() || lower.endsWith(ext.toLowerCase(Locale.ROOT))) {
            return req;
        }
        int inner = ext.indexOf('.', 1);
        if (inner > 0 && lower.endsWith(ext.substring(0, inner).toLowerCase(Locale.ROOT))) {
            return req + ext.substring(inner); // x.fits + .fits.gz = x.fits.gz
        }
        return req + ext;
    }

    /**
     * Checks a file name a user asked for. It is taken as it is or refused, never changed: a name with a folder in
     * it ({@code nodir/x}, {@code ../escape}) would otherwise lose the folder without a word.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException naming it, when it is empty, {@code .} or {@code ..}, holds a {@code /} or
     *                                  {@code \}, or holds control characters
     */
    static String requireBareName(String name) {
        String why = null;
        if (name.isBlank()) {
            why = "it is empty";
        } else if (name.equals(".") || name.equals("..")) {
            why = "it names a folder";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            why = "it has a folder in it; give the folder as the target directory instead";
        } else if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            why = "it holds control characters";
        }
        if (why != null) {
            throw new IllegalArgumentException("file name \"" + name.replaceAll("\\p{Cntrl}", "?")
                + "\" is not a plain file name: " + why);
        }
        return name;
    }

    /**
     * @return {@code dir.resolve(name)}, checked to lie directly inside {@code dir}
     * @throws IOException naming {@code name} when it would not
     */
    static Path inside(Path dir, String name) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(name).normalize();
        if (!p.startsWith(base) || p.equals(base) || !base.equals(p.getParent())) {
            throw new IOException("refusing file name \"" + name + "\": it is not inside " + base);
        }
        return p;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
