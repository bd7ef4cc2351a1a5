package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceLoader;
import okhttp3.HttpUrl;

/**
 * Which archive to talk to and where its products are cached: an immutable value, chosen once by a face (the
 * command line, a window, a TOPCAT dialog) and opened as an {@link ArchiveSession}.
 *
 * <pre>
 * ArchiveSettings settings = ArchiveSettings.chosen(null);      // $ISO_SAMP_ARCHIVE, the config file, production
 * try (ArchiveSession s = settings.withoutCache().open()) {
 *     List&lt;TableMeta&gt; tables = s.archive().tables(false);
 * }
 * </pre>
 *
 * <p>The archive is the production IDA ({@link IsoArchive#PRODUCTION_BASE}), another base URL (a mirror, a local
 * archive served by {@code serve-local}), or the embedded local archive, started for the session's duration and
 * reached through {@link EmbeddedArchive} (or, where this JVM has none, as inside TOPCAT, the one a launcher runs
 * for it and names in {@value #LOCAL_PROPERTY}). {@link #chosen} reads the user's choice: the face's own (an option),
 * else {@value #ENV}, else {@code archive=} in {@link #configFile()}, else production. The product cache is
 * {@link IsoArchive#defaultCacheDir()} unless changed; the embedded archive's products are never cached (it is new
 * every time: not worth it). Thread-safe.
 */
public final class ArchiveSettings {

    /** The environment variable that names the archive when the face does not. */
    public static final String ENV = "ISO_SAMP_ARCHIVE";

    /**
     * The system property naming the archive a host application's plug-ins use by default (its base URL):
     * {@code iso-samp topcat} sets it for TOPCAT, as {@code -Diso-samp.archive=http://127.0.0.1:PORT/nida-sl-tap/}.
     */
    public static final String PROPERTY = "iso-samp.archive";

    /**
     * The system property naming a local archive already running for this JVM (its base URL), which
     * {@link #local()} then opens instead of starting one: {@code iso-samp topcat --archive local} runs the local
     * archive in its own JVM and tells TOPCAT, whose plug-in jar has none, where it is.
     */
    public static final String LOCAL_PROPERTY = "iso-samp.local";

    /** The word for the production archive, which {@link #parse} takes as well as {@code local} and URLs. */
    public static final String PRODUCTION = "production";

    /** The keys the config file may hold (the README lists them); any other is refused with its file and line. */
    public static final List<String> CONFIG_KEYS = List.of("archive");

    /** The archive's base URL; null for the embedded local archive. */
    private final HttpUrl base;
    private final Path cacheDir;

    private ArchiveSettings(HttpUrl base, Path cacheDir) {
        this.base = base;
        this.cacheDir = cacheDir;
    }

    /** @return the production IDA, with the default product cache */
    public static ArchiveSettings production() {
        return at(IsoArchive.PRODUCTION_BASE);
    }

    /** @return the embedded local archive, started by {@link #open()} and stopped when its session closes */
    public static ArchiveSettings local() {
        return new ArchiveSettings(null, IsoArchive.defaultCacheDir());
    }

    /**
     * @param base an archive's base URL ({@code .../nida-sl-tap/}: TAP at {@code tap}, products at {@code data})
     * @return that archive, with the default product cache
     */
    public static ArchiveSettings at(HttpUrl base) {
        return new ArchiveSettings(Objects.requireNonNull(base, "base"), IsoArchive.defaultCacheDir());
    }

    /**
     * @param value {@code local} or {@value #PRODUCTION} (any case), or an http(s) URL; surrounding blanks are
     *              ignored
     * @return that archive, with the default product cache
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static ArchiveSettings parse(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("local")) {
            return local();
        }
        if (v.equalsIgnoreCase(PRODUCTION)) {
            return production();
        }
        HttpUrl url = HttpUrl.parse(v);
        if (url == null) {
            // 'production' left unsaid: the message the faces (and their tests) know, and production is a URL too
            throw new IllegalArgumentException("\"" + value + "\" is neither 'local' nor an http(s) URL");
        }
        return at(url);
    }

    /**
     * The user's choice: {@code option}, else {@value #ENV}, else {@code archive=} in {@link #configFile()}, else
     * production; with the default product cache.
     *
     * @param option the face's own choice ({@code --archive}), or null
     * @throws IllegalArgumentException when {@code option} is neither {@code local} nor an http(s) URL
     * @throws IOException when the environment or the config file names no archive (saying which, and what), or
     *                     the config file cannot be read or holds an unknown key ({@link #readConfig})
     */
    public static ArchiveSettings chosen(String option) throws IOException {
        String choice = option != null ? option : System.getenv(ENV);
        String from = option != null ? null : "$" + ENV;
        if (choice == null || choice.isBlank()) {
            choice = configured();
            from = configFile().toString();
        }
        if (choice == null || choice.isBlank()) {
            return production();
        }
        if (from == null) {
            return parse(choice);
        }
        try {
            return parse(choice);
        } catch (IllegalArgumentException e) {
            throw new IOException("archive \"" + choice.trim() + "\" (from " + from
                                  + ") is neither 'local' nor an http(s) URL", e);
        }
    }

    /**
     * A guess, made before a face has read all its input, at whether the archive will be at an https URL, so that
     * the right HTTP client can be prepared meanwhile (TLS costs a quarter of a second to set up; see
     * {@link IsoArchive#prepareDefaultHttpClient}). A wrong guess costs time, never behaviour.
     *
     * @param option the face's own choice, or null, as {@link #chosen}
     * @return false for the local archive and {@code http://} archives, true otherwise (production, https, and
     *         whatever {@link #chosen} would refuse: it will say what is wrong)
     */
    public static boolean httpsLikely(String option) {
        try {
            ArchiveSettings s = chosen(option);
            return !s.isLocal() && s.base.isHttps();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * @param dir where complete products are kept, so that a repeated download sends no request; null for none
     * @return these settings with that cache (which the embedded local archive ignores)
     */
    public ArchiveSettings withCacheDir(Path dir) {
        return new ArchiveSettings(base, dir);
    }

    /** @return these settings without a product cache: products are neither read from it nor put in it */
    public ArchiveSettings withoutCache() {
        return withCacheDir(null);
    }

    /** @return whether this is the embedded local archive */
    public boolean isLocal() {
        return base == null;
    }

    /** @return the archive's base URL; null for the embedded local archive, whose URL is known once it runs */
    public HttpUrl base() {
        return base;
    }

    /** @return the product cache folder; null for none */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * Opens the archive. For the local one: the archive {@value #LOCAL_PROPERTY} names if it is set (a launcher runs
     * it; this session neither starts nor stops it), else the embedded one, started on a free port of 127.0.0.1
     * (closed with the session). Nothing is contacted yet.
     *
     * @return the session; the caller closes it
     * @throws IOException when the local archive is neither named by {@value #LOCAL_PROPERTY} nor in this build
     *                     (a plug-in jar), saying how to get one, or cannot start
     */
    public ArchiveSession open() throws IOException {
        return open(ArchiveSettings.class.getClassLoader(), System.getProperty(LOCAL_PROPERTY));
    }

    /**
     * @param loader  where to look for the embedded archive ({@link #embedded})
     * @param running the value of {@value #LOCAL_PROPERTY}, or null
     */
    ArchiveSession open(ClassLoader loader, String running) throws IOException {
        if (base != null) {
            return new ArchiveSession(new IsoArchive(base, IsoArchive.defaultHttpClient(base), cacheDir), null);
        }
        if (running != null && !running.isBlank()) {
            HttpUrl url = HttpUrl.parse(running.trim());
            if (url == null) {
                throw new IOException("-D" + LOCAL_PROPERTY + "=" + running + " is not an http(s) URL");
            }
            // someone else's archive: not ours to stop, and as new as the embedded one (no cache)
            return new ArchiveSession(new IsoArchive(url, IsoArchive.defaultHttpClient(url), null), null);
        }
        EmbeddedArchive.Running local = embedded(loader).start();
        try {
            HttpUrl url = HttpUrl.get(local.baseUrl().toString());
            // the local archive is new every time: its products are not worth caching
            return new ArchiveSession(new IsoArchive(url, IsoArchive.defaultHttpClient(url), null), local);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /**
     * @param loader where to look: iso-samp's own class loader, not the thread's context loader, which inside a
     *               host application (TOPCAT) may not see iso-samp's jar
     * @return the first embedded archive listed in {@code META-INF/services/org.isosamp.archive.EmbeddedArchive}
     * @throws IOException when there is none: this build leaves the local archive out
     */
    static EmbeddedArchive embedded(ClassLoader loader) throws IOException {
        Iterator<EmbeddedArchive> it = ServiceLoader.load(EmbeddedArchive.class, loader).iterator();
        if (!it.hasNext()) {
            // the one build without it is the TOPCAT plug-in jar: say how to get a local archive there
            throw new IOException("no local archive here (no " + EmbeddedArchive.class.getName() + " service on the"
                                  + " class path, no -D" + LOCAL_PROPERTY + "): start TOPCAT with `iso-samp topcat"
                                  + " --archive local`, or give serve-local's URL instead of 'local'");
        }
        return it.next();
    }

    /**
     * An archive for managing the product cache only ({@link IsoArchive#cacheDir()},
     * {@link IsoArchive#clearCache()}): nothing is started or contacted, so no TLS is set up.
     *
     * @return the session; closing it does nothing
     */
    public ArchiveSession openForCache() {
        HttpUrl none = HttpUrl.get("http://127.0.0.1/");
        return new ArchiveSession(new IsoArchive(base != null ? base : IsoArchive.PRODUCTION_BASE,
                                                 IsoArchive.defaultHttpClient(none), cacheDir), null);
    }

    /**
     * @return {@code $XDG_CONFIG_HOME/iso-samp/config.properties}, else {@code ~/.config/iso-samp/config.properties}
     */
    public static Path configFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return dir.resolve("iso-samp").resolve("config.properties");
    }

    private static String configured() throws IOException {
        Path f = configFile();
        if (!Files.isRegularFile(f)) {
            return null;
        }
        return readConfig(f).getProperty("archive");
    }

    /**
     * Reads a config file ({@code java.util.Properties} syntax), refusing a key not in {@link #CONFIG_KEYS}: a
     * misspelt key would otherwise be ignored without a word.
     *
     * @param f the file
     * @return its settings
     * @throws IOException naming the file, the line and the key
     */
    public static Properties readConfig(Path f) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        }
        if (CONFIG_KEYS.containsAll(p.stringPropertyNames())) {
            return p;
        }
        // find the line of the first unknown key (Properties forgets lines); continuation lines never start a key
        List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            boolean startsKey = !continued && !line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != '!';
            continued = line.matches("(?s).*(?<!\\\\)(\\\\\\\\)*\\\\$");
            if (startsKey) {
                Properties one = new Properties();
                one.load(new StringReader(line.replaceAll("\\\\$", "")));
                for (String key : one.stringPropertyNames()) {
                    if (!CONFIG_KEYS.contains(key)) {
                        throw new IOException(f + ":" + (i + 1) + ": unknown key \"" + key + "\" (known keys: "
                                              + String.join(", ", CONFIG_KEYS) + ")");
                    }
                }
            }
        }
        throw new IOException(f + ": unknown keys " + p.stringPropertyNames() + " (known keys: "
                              + String.join(", ", CONFIG_KEYS) + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveSettings s && Objects.equals(base, s.base) && Objects.equals(cacheDir, s.cacheDir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, cacheDir);
    }

    /** @return e.g. {@code ArchiveSettings[local, cache none]} */
    @Override
    public String toString() {
        return "ArchiveSettings[" + (base == null ? "local" : base) + ", cache "
               + (cacheDir == null ? "none" : cacheDir) + "]";
    }
}
