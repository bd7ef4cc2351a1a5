package org.isosamp.samp;

import java.net.URL;
import java.nio.file.Path;

/**
 * A table iso-samp sent over SAMP: what row messages ({@code table.highlight.row}, {@code table.select.rowList})
 * from other clients refer to, by {@code table-id} or {@code url}.
 *
 * @param tableId the fresh {@code table-id} it was sent with
 * @param url the URL it was sent with (served while the session lasts)
 * @param name the {@code name} it was sent with
 * @param file the file behind the URL
 * @param rowCount its number of rows (row indexes in messages are 0-based and below this)
 */
public record SentTable(String tableId, URL url, String name, Path file, long rowCount) {
}
