package org.isosamp.products;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ProductInspector} read in a product file: its kind, the HDU a viewer shows, the target, and for a
 * spectrum where its axes are.
 *
 * @param file the file
 * @param kind what it is
 * @param hdu the index (0 = primary) of the HDU that decided the kind: the first one with data
 * @param object the target ({@code OBJECT} card of that HDU or the primary), or "" if none
 * @param title a short human title, e.g. {@code M31 (ISO LWS L01 58002102)}
 * @param found what the file holds, in a few words (for messages and logs)
 * @param rows the table rows (all segments of a spectrum), or 0 for an image
 * @param spectrum the spectral axes, for {@link ProductKind#SPECTRUM} only (else null)
 */
public record FitsProduct(Path file, ProductKind kind, int hdu, String object, String title, String found, long rows,
                          Spectrum spectrum) {

    /**
     * Where a spectrum's axes are.
     *
     * @param coord the spectral coordinate: a column name, or for a 1-D image its {@code CTYPE1}
     * @param coordUnit its unit, or ""
     * @param flux the flux column, or for a 1-D image its {@code BTYPE} (else "FLUX")
     * @param fluxUnit its unit, or ""
     * @param error the flux error column, or null
     * @param hdus the HDUs holding it: one, or several table segments with the same columns
     * @param image true for a 1-D image, false for a table
     * @param binaryTable true if every segment is a binary table ({@code BINTABLE}), false for {@code TABLE}
     *        (ASCII) extensions and images
     */
    public record Spectrum(String coord, String coordUnit, String flux, String fluxUnit, String error,
                           List<Integer> hdus, boolean image, boolean binaryTable) {

        public Spectrum {
            hdus = List.copyOf(hdus);
        }

        /**
         * @return true if SPLAT reads it all as it is: a 1-D image, or one binary table in the first extension.
         *         Otherwise ({@code TABLE} extensions, several segments, the table further down) it reads only
         *         the first table, and {@link SpectrumTables#merge} makes a one-table copy.
         */
        public boolean readableAsIs() {
            return image || (binaryTable && hdus.size() == 1 && hdus.get(0) == 1);
        }
    }
}
