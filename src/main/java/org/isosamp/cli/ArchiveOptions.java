package org.isosamp.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.ArchiveSession;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.IsoArchive;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every archive command shares: which archive, how chatty, which product cache. A thin layer: the choice
 * (the option, else {@code $ISO_SAMP_ARCHIVE}, else {@code archive=} in
 * {@code $XDG_CONFIG_HOME/iso-samp/config.properties}, else the production IDA) and the session, with the
 * embedded local archive started for the command's duration, are {@link ArchiveSettings}' and
 * {@link ArchiveSession}'s; this class reads the options, sets the logging and hands them over.
 */
public final class ArchiveOptions {

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
    Path cacheDir;

    /** {@code --archive}: {@code local} or an http(s) URL, else a usage error (exit 2) before anything starts. */
    static final class ArchiveChoice implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                ArchiveSettings.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return value.trim();
        }
    }

    /** @return the settings chosen: the archive as {@link ArchiveSettings#chosen}, the cache as the options say */
    ArchiveSettings settings() throws IOException {
        return withCache(ArchiveSettings.chosen(archive));
    }

    private ArchiveSettings withCache(ArchiveSettings s) {
        return noCache ? s.withoutCache() : cacheDir != null ? s.withCacheDir(cacheDir) : s;
    }

    /** Sets the logging ({@code -v}), then opens the archive chosen. */
    ArchiveSession open() throws IOException {
        logging();
        return settings().open();
    }

    /** Sets the logging: without {@code -v} JUL prints nothing (the launcher turned its handlers off). */
    void logging() {
        // -v shows FINE and up
        Logger.getLogger("org.isosamp").setLevel(verbose ? Level.FINE : Level.WARNING);
        Logger.getLogger("").setLevel(verbose ? Level.FINE : Level.WARNING);
        for (var h : Logger.getLogger("").getHandlers()) {
            h.setLevel(verbose ? Level.FINE : Level.OFF);
        }
    }

    /** @return the archive's cache as the options say ({@code --no-cache}, {@code --cache-dir}), on any settings */
    java.util.function.UnaryOperator<ArchiveSettings> cache() {
        return this::withCache;
    }

    /** An archive object for cache management only: the environment and config file are not read. */
    ArchiveSession openForCache() {
        return withCache(ArchiveSettings.production()).openForCache();
    }

    /**
     * A guess, before picocli has read the command line, at whether the archive will be at an https URL, so that
     * the launcher can prepare the right HTTP client meanwhile (see {@link IsoArchive#prepareDefaultHttpClient}).
     * It reads {@code --archive X} or {@code --archive=X} up to {@code --}, then guesses as
     * {@link ArchiveSettings#httpsLikely} does.
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
        return ArchiveSettings.httpsLikely(option);
    }
}
