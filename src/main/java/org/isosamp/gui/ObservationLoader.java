package org.isosamp.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryRequest;
import org.isosamp.io.IfExists;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.plot.QuickLook;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.TarEntryInfo;
import org.isosamp.products.TarFiles;

/**
 * What the observation panel fetches, off the event thread and without Swing: the metadata row, the STANDALONE
 * product read into its quick look, the postcard, and an OBSERVATION tar's listing at one level. Every product goes
 * through {@link IsoArchive#download} (its product cache, when the archive has one, makes a second look free) into a
 * private temporary folder that is deleted before the call returns: what the panel keeps is read into memory.
 * Stateless and thread-safe; every call is slow (network, disk) and answers an interrupt with an
 * {@link java.io.InterruptedIOException}.
 */
final class ObservationLoader {

    private static final Logger LOG = Logger.getLogger(ObservationLoader.class.getName());

    private ObservationLoader() {
    }

    /**
     * The STANDALONE product: its name and size, and its quick look or why there is none.
     *
     * @param name    the product's file name
     * @param size    its size in bytes
     * @param look    its quick look, or null when it is neither a spectrum nor an image
     * @param problem why there is no quick look ("" when there is one)
     */
    record Standalone(String name, long size, QuickLook look, String problem) {
    }

    /**
     * An OBSERVATION tar at one level.
     *
     * @param level   the product level
     * @param name    the tar's file name
     * @param size    its size in bytes
     * @param entries its members, as stored
     */
    record Listing(ProductLevel level, String name, long size, List<TarEntryInfo> entries) {
        Listing {
            entries = List.copyOf(entries);
        }
    }

    /**
     * @return the observation's row of {@code ida.observations}
     * @throws IOException naming the TDT and the archive when it has no such observation, or as the query fails
     */
    static ObservationMetadata metadata(IsoArchive archive, long tdt) throws IOException {
        // tdt is a long: nothing but digits reaches the ADQL
        QueryRequest q = QueryRequest.builder("SELECT * FROM ida.observations WHERE tdt = " + tdt).maxrec(100).build();
        ObservationMetadata m = ObservationMetadata.of(archive.query(q).table());
        if (m == null) {
            throw new IOException("TDT " + tdt + " is not in ida.observations at " + archive.tapUrl());
        }
        return m;
    }

    /** @return the STANDALONE product and its quick look (a product that is neither is no failure) */
    static Standalone standalone(IsoArchive archive, long tdt) throws IOException {
        return inTemporaryFolder(dir -> {
            Path file = archive.download(Long.toString(tdt), RetrievalType.STANDALONE, null, dir, Long.toString(tdt),
                                         IfExists.REPLACE, null);
            long size = Files.size(file);
            String name = file.getFileName().toString();
            try {
                return new Standalone(name, size, QuickLook.read(file), "");
            } catch (ProductFormatException e) {
                LOG.fine(() -> "no quick look of " + tdt + ": " + e.getMessage());
                return new Standalone(name, size, null, e.getMessage());
            }
        });
    }

    /** @return the postcard, decoded */
    static BufferedImage postcard(IsoArchive archive, long tdt) throws IOException {
        return inTemporaryFolder(dir -> {
            Path file = archive.postcard(Long.toString(tdt), dir, "postcard-" + tdt, IfExists.REPLACE, null);
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new ProductFormatException(file, "the postcard of TDT " + tdt + " from " + archive.dataUrl()
                    + " is no image Java can read");
            }
            return img;
        });
    }

    /** @return the members of the observation's OBSERVATION tar at {@code level} */
    static Listing listing(IsoArchive archive, long tdt, ProductLevel level) throws IOException {
        return inTemporaryFolder(dir -> {
            Path tar = archive.download(Long.toString(tdt), RetrievalType.OBSERVATION, level, dir,
                                        tdt + "-" + level.name(), IfExists.REPLACE, null);
            List<TarEntryInfo> entries = TarFiles.list(tar);
            return new Listing(level, tarName(entries, tar.getFileName().toString()), Files.size(tar), entries);
        });
    }

    /**
     * @return the archive's own name of an OBSERVATION tar, {@code ISO<number>.tar} after the top folder of its
     *         members ({@code ././ISO1659972236/...}), or {@code fallback} when they have none: the file was saved
     *         under a name of ours, and a copy from the product cache has no server's name at all
     */
    static String tarName(List<TarEntryInfo> entries, String fallback) {
        for (TarEntryInfo e : entries) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:\\./)*(ISO\\d+)/").matcher(e.name());
            if (m.find()) {
                return m.group(1) + ".tar";
            }
        }
        return fallback;
    }

    private interface InFolder<T> {
        T run(Path dir) throws IOException;
    }

    private static <T> T inTemporaryFolder(InFolder<T> work) throws IOException {
        Path dir = Files.createTempDirectory("iso-samp-observation-");
        try {
            return work.run(dir);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
