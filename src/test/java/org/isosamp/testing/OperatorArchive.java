package org.isosamp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.isosamp.local.LocalArchive;

/**
 * A local archive of its own whose STANDALONE products for some TDTs are files given here (the local archive's
 * operator override, {@code <samples>/products/<tdt>.fits}), e.g. a FITS table, or a tar or PNG where a FITS file
 * is expected. The samples are copied to a temporary folder; {@link #close()} stops the archive and deletes it.
 */
public final class OperatorArchive implements AutoCloseable {

    private final Path dir;
    private final LocalArchive archive;

    private OperatorArchive(Path dir, LocalArchive archive) {
        this.dir = dir;
        this.archive = archive;
    }

    /** @param products STANDALONE file name ({@code <tdt>.fits}) to content */
    public static OperatorArchive start(Map<String, byte[]> products) throws IOException {
        Path samples = LocalArchive.defaultDataDir();
        Path dir = Files.createTempDirectory("iso-samp-operator-");
        try (Stream<Path> walk = Files.walk(samples)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve(samples.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.createDirectories(dir.resolve("products"));
        for (Map.Entry<String, byte[]> e : products.entrySet()) {
            Files.write(dir.resolve("products").resolve(e.getKey()), e.getValue());
        }
        return new OperatorArchive(dir, LocalArchive.builder().port(0).dataDir(dir).start());
    }

    /** @return the archive's base URL */
    public String baseUrl() {
        return archive.baseUrl().toString();
    }

    @Override
    public void close() throws IOException {
        archive.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
