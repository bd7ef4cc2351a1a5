package org.isosamp.gui;

import java.util.Objects;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;

/**
 * What to download for each selected observation: its STANDALONE product (one FITS file), or its OBSERVATION tar
 * at a product level, unpacked beside the tar or not. The same choices as {@code iso-samp download}'s
 * {@code --retrieval-type}, {@code --product-level} and {@code --extract}. Immutable.
 *
 * @param type    {@link RetrievalType#STANDALONE} or {@link RetrievalType#OBSERVATION}
 * @param level   the OBSERVATION product level; null for STANDALONE
 * @param extract whether an OBSERVATION tar is unpacked into a folder beside it (the tar is kept); false for
 *                STANDALONE
 */
public record DownloadChoice(RetrievalType type, ProductLevel level, boolean extract) {

    /**
     * Checks the combination.
     *
     * @throws IllegalArgumentException for POSTCARD, a level or extraction asked of a STANDALONE product, or an
     *                                  OBSERVATION without a level
     */
    public DownloadChoice {
        Objects.requireNonNull(type, "type");
        if (type == RetrievalType.POSTCARD) {
            throw new IllegalArgumentException("a download is STANDALONE or OBSERVATION, not POSTCARD");
        }
        if (type == RetrievalType.STANDALONE && (level != null || extract)) {
            throw new IllegalArgumentException("a STANDALONE product has no product level and is not extracted"
                + " (level " + level + ", extract " + extract + ")");
        }
        if (type == RetrievalType.OBSERVATION && level == null) {
            throw new IllegalArgumentException("an OBSERVATION download needs a product level");
        }
    }

    /** @return the STANDALONE product (a FITS file) of each observation */
    public static DownloadChoice standalone() {
        return new DownloadChoice(RetrievalType.STANDALONE, null, false);
    }

    /**
     * @param level   the product level, e.g. {@link ProductLevel#DEFAULT_DATA_SET}
     * @param extract whether to unpack the tar beside it
     * @return the OBSERVATION tar of each observation at that level
     */
    public static DownloadChoice observation(ProductLevel level, boolean extract) {
        return new DownloadChoice(RetrievalType.OBSERVATION, level, extract);
    }

    /** @return a short description for a download's row: "STANDALONE", "OBSERVATION DEFAULT_DATA_SET, extract" */
    public String describe() {
        return type == RetrievalType.STANDALONE ? "STANDALONE"
            : "OBSERVATION " + level + (extract ? ", extract" : "");
    }
}
