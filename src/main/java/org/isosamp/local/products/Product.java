package org.isosamp.local.products;

import java.nio.file.Path;

/**
 * A product file ready to be served.
 *
 * @param filename    the name for Content-Disposition, no directories (e.g. {@code 80000203.tar})
 * @param contentType MIME type ({@code application/x-tar}, {@code application/fits}, {@code image/png})
 * @param file        the complete file on disk
 */
public record Product(String filename, String contentType, Path file) {
}
