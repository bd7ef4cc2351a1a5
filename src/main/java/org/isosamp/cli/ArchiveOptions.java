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

    @Option(names = "--archive", paramLabel = "local|URL",
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
            description = "product cache folder (default: $XDG_CACHE_HOME/iso-samp/products or ~/.cache/iso-samp/products)")
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

    Session open() throws IOException {
        Logger.getLogger("org.isosamp").setLevel(verbose ? Level.FINE : Level.WARNING);
        Logger.getLogger("").setLevel(verbose ? Level.FINE : Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(verbose ? Level.FINE : Level.WARNING);
        }
        String choice = archive != null ? archive : System.getenv(ENV);
        if (choice == null || choice.isBlank()) {
            choice = configured();
        }
        if (choice == null || choice.isBlank()) {
            return new Session(new IsoArchive(IsoArchive.PRODUCTION_BASE, IsoArchive.defaultHttpClient(), cache()),
                               null);
        }
        if (choice.trim().equalsIgnoreCase("local")) {
            LocalArchive local = LocalArchive.builder().port(0).start();
            // the local archive is new every time: its products are not worth caching
            return new Session(new IsoArchive(HttpUrl.get(local.baseUrl().toString()),
                                              IsoArchive.defaultHttpClient(), null), local);
        }
        HttpUrl url = HttpUrl.parse(choice.trim());
        if (url == null) {
            throw new IllegalArgumentException("--archive \"" + choice + "\" is neither 'local' nor an http(s) URL");
        }
        return new Session(new IsoArchive(url, IsoArchive.defaultHttpClient(), cache()), null);
    }

    /** An archive object for cache management only: nothing is started or contacted. */
    Session openForCache() {
        return new Session(new IsoArchive(IsoArchive.PRODUCTION_BASE, IsoArchive.defaultHttpClient(), cache()), null);
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
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        }
        return p.getProperty("archive");
    }
}
