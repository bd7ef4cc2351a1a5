package org.isosamp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;
import picocli.CommandLine.Option;

/**
 * Options every archive command shares: which archive, how chatty. The archive
 * is {@code --archive}, else {@code $ISO_SAMP_ARCHIVE}, else {@code archive=} in
 * {@code $XDG_CONFIG_HOME/iso-samp/config.properties} (default
 * {@code ~/.config/...}), else the production IDA. {@code local} starts the
 * embedded local archive for the command's duration.
 */
public final class ArchiveOptions {

    static final String ENV = "ISO_SAMP_ARCHIVE";

    /** The keys the config file may hold (the README lists them); any other is refused with its file and line. */
    static final java.util.List<String> CONFIG_KEYS = java.util.List.of("archive");

    @Option(names = "--archive", paramLabel = "local|URL", converter = ArchiveChoice.class,
            description = "the archive: 'local' (embedded, synthetic samples) or its base URL "
                          + "(default: $ISO_SAMP_ARCHIVE, the config file, else https://nida.esac.esa.int/nida-sl-tap/)")
    String archive;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "log requests and steps to stderr")
    boolean verbose;

    @Option(names = "--no-cache", description = "neither read nor fill the product cache")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "product cache folder (default: ~/.cache/iso-samp/products; $XDG_CACHE_HOME moves it)")
    java.nio.file.Path cacheDir;

    private java.nio.file.Path cache() {
        return noCache ? null : cacheDir != null ? cacheDir : IsoArchive.defaultCacheDir();
    }

    /** An open archive, and the local one behind it if any. */
    public record Session(IsoArchive archive, LocalArchive local) implements AutoCloseable {
        @Override
        public void close() {
            if (local != null) {
                local.close();
            }
        }
    }

    /** {@code --archive}: {@code local} or an http(s) URL, else a usage error (exit 2) before anything starts. */
    static final class ArchiveChoice implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim();
            if (!v.equalsIgnoreCase("local") && HttpUrl.parse(v) == null) {
                throw new picocli.CommandLine.TypeConversionException(
                    "\"" + value + "\" is neither 'local' nor an http(s) URL");
            }
            return v;
        }
    }

    Session open() throws IOException {
        // without -v, JUL prints nothing (the launcher turned its handlers off); -v shows FINE and up
        Logger.getLogger("org.isosamp").setLevel(verbose ? Level.FINE : Level.WARNING);
        Logger.getLogger("").setLevel(verbose ? Level.FINE : Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(verbose ? Level.FINE : Level.OFF);
        }
        String choice = choice(archive);
        if (choice == null) {
            return new Session(new IsoArchive(IsoArchive.PRODUCTION_BASE, IsoArchive.defaultHttpClient(), cache()),
                               null);
        }
        if (choice.equalsIgnoreCase("local")) {
            LocalArchive local = LocalArchive.builder().port(0).start();
            // the local archive is new every time: its products are not worth caching
            HttpUrl base = HttpUrl.get(local.baseUrl().toString());
            return new Session(new IsoArchive(base, IsoArchive.defaultHttpClient(base), null), local);
        }
        HttpUrl url = HttpUrl.parse(choice);
        if (url == null) {
            // --archive was checked as it was read: this came from the environment or the config file
            throw new IOException("archive \"" + choice + "\" (from " + (archive != null ? "--archive"
                : System.getenv(ENV) != null && !System.getenv(ENV).isBlank() ? "$" + ENV : configFile().toString())
                + ") is neither 'local' nor an http(s) URL");
        }
        return new Session(new IsoArchive(url, IsoArchive.defaultHttpClient(url), cache()), null);
    }

    /**
     * @param option the {@code --archive} value, or null
     * @return the archive chosen, trimmed: the option, else {@code $ISO_SAMP_ARCHIVE}, else the config file; null
     *         for the production archive
     */
    private static String choice(String option) throws IOException {
        String choice = option != null ? option : System.getenv(ENV);
        if (choice == null || choice.isBlank()) {
            choice = configured();
        }
        return choice == null || choice.isBlank() ? null : choice.trim();
    }

    /**
     * A guess, before picocli has read the command line, at whether the archive will be at an https URL, so that
     * the launcher can prepare the right HTTP client meanwhile (TLS costs a quarter of a second to set up; see
     * {@link IsoArchive#prepareDefaultHttpClient}). It reads {@code --archive X} or {@code --archive=X} up to
     * {@code --}, then falls back as {@link #open} does. A wrong guess costs time, never behaviour.
     *
     * @param args the command line
     * @return false for {@code local} and {@code http://} archives, true otherwise (production, https, unreadable)
     */
    public static boolean httpsLikely(String[] args) {
        String option = null;
        for (int i = 0; i < args.length && option == null && !args[i].equals("--"); i++) {
            if (args[i].equals("--archive") && i + 1 < args.length) {
                option = args[i + 1];
            } else if (args[i].startsWith("--archive=")) {
                option = args[i].substring("--archive=".length());
            }
        }
        String choice;
        try {
            choice = choice(option);
        } catch (IOException | RuntimeException e) {
            return true; // open() will say what is wrong
        }
        if (choice == null) {
            return IsoArchive.PRODUCTION_BASE.isHttps();
        }
        if (choice.equalsIgnoreCase("local")) {
            return false;
        }
        HttpUrl url = HttpUrl.parse(choice);
        return url == null || url.isHttps();
    }

    /** An archive object for cache management only: nothing is started or contacted (so no TLS is set up). */
    Session openForCache() {
        HttpUrl none = HttpUrl.get("http://127.0.0.1/");
        return new Session(new IsoArchive(IsoArchive.PRODUCTION_BASE, IsoArchive.defaultHttpClient(none), cache()),
                           null);
    }

    static Path configFile() {
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
     * @throws IOException naming the file, the line and the key
     */
    static Properties readConfig(Path f) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        }
        if (CONFIG_KEYS.containsAll(p.stringPropertyNames())) {
            return p;
        }
        // find the line of the first unknown key (Properties forgets lines); continuation lines never start a key
        java.util.List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            boolean startsKey = !continued && !line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != '!';
            continued = line.matches("(?s).*(?<!\\\\)(\\\\\\\\)*\\\\$");
            if (startsKey) {
                Properties one = new Properties();
                one.load(new java.io.StringReader(line.replaceAll("\\\\$", "")));
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
}
