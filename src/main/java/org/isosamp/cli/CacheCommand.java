package org.isosamp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cache clear|dir}: astroquery's {@code clear_cache}, and where the cache lives. {@code clear} also empties
 * the launcher's class-data archives ({@code $XDG_CACHE_HOME/iso-samp/cds}, made by {@code target/iso-samp}) and
 * says what it removed from each.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
         description = {"Manage the caches: 'clear' empties the product cache and the launcher's class-data"
                        + " archives (saying what it removed), 'dir' prints where the product cache is."})
public final class CacheCommand implements Callable<Integer> {

    /** What {@code cache} can do. */
    enum Action { clear, dir }

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Parameters(paramLabel = "ACTION", description = "${COMPLETION-CANDIDATES}")
    Action action;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (archive.noCache) {
            throw new ParameterException(spec.commandLine(), "--no-cache leaves no cache to " + action);
        }
        try (var s = archive.openForCache()) {
            switch (action) {
                case clear -> {
                    Path dir = s.archive().cacheDir();
                    long before = bytes(dir);
                    int n = s.archive().clearCache();
                    out.println("removed " + n + " cached products (" + Progress.size(before - bytes(dir))
                                + ") from " + dir);
                    Path cds = cdsDir();
                    long[] removed = clearCds(cds);
                    out.println("removed " + removed[0] + " class-data archives (" + Progress.size(removed[1])
                                + ") from " + cds);
                }
                case dir -> out.println(s.archive().cacheDir());
                default -> throw new IllegalStateException(action.name());
            }
        }
        out.flush();
        return 0;
    }

    /** @return the launcher's class-data folder: {@code ${XDG_CACHE_HOME:-~/.cache}/iso-samp/cds}, as it computes it */
    static Path cdsDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("iso-samp").resolve("cds");
    }

    /**
     * Deletes the launcher's archives ({@code *.jsa}, finished or half-written). A command running meanwhile keeps
     * the archive it mapped; the next run makes a new one.
     *
     * @return the files removed and their bytes
     */
    static long[] clearCds(Path dir) throws IOException {
        long[] removed = new long[2];
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jsa")) {
            for (Path p : ds) {
                long size = Files.isRegularFile(p) ? Files.size(p) : 0;
                if (Files.deleteIfExists(p)) {
                    removed[0]++;
                    removed[1] += size;
                }
            }
        }
        return removed;
    }

    /** @return the bytes of the regular files directly in {@code dir} (0 if there is no such folder) */
    private static long bytes(Path dir) throws IOException {
        long n = 0;
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    n += Files.size(p);
                }
            }
        }
        return n;
    }
}
