package org.isosamp.products;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A product file is not something iso-samp can send: not FITS at all (a tar, a PNG, an HTML error page, an empty
 * file), or FITS with nothing a viewer can show (a header without data). The message names the file and what was
 * found there, e.g. {@code 80000203.fits is not a FITS file: it is a tar archive (first entry "ISO1659972236/")}.
 * As STIL's {@code TableFormatException}: "not my format", as opposed to an {@link IOException} reading it.
 */
public class ProductFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the file
     * @param message what was wrong with it, the file named
     */
    public ProductFormatException(Path file, String message) {
        this(file, message, null);
    }

    /**
     * @param file the file
     * @param message what was wrong with it, the file named
     * @param cause the parser's own complaint, or null
     */
    public ProductFormatException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** @return the file */
    public Path file() {
        return file;
    }
}
