package org.isosamp.table;

import java.io.IOException;
import java.io.OutputStream;
import uk.ac.starlink.table.RowAccess;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.RowSplittable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.WrapperRowAccess;
import uk.ac.starlink.table.WrapperRowSequence;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * FITS strings for STIL 4.1 (TOPCAT 4.8.7), whose FITS writer has no string encoder and writes the low byte of each
 * {@code char}: text beyond ASCII would give bytes that FITS does not allow in a character field (32-126 only).
 * {@link #writer} gives that writer every string cell, and every element of a string array, as STIL 4.3's default
 * encoder ({@code StringEncoder.SQUASH_TO_ASCII}) and {@link FitsAscii} write it: each code point 32-126 as itself,
 * any other as {@code '?'}. So a FITS file holds the same strings on either STIL. Stateless; thread-safe.
 */
final class AsciiCells {

    private static final char REPLACEMENT = '?';

    private AsciiCells() {
    }

    /** @return whether a code point is written as itself: printable ASCII */
    static boolean printable(int codePoint) {
        return codePoint >= 32 && codePoint <= 126;
    }

    /** @return the text with each code point outside 32-126 as {@code '?'}; the same string when there is none */
    static String squash(String s) {
        int len = s.length();
        int i = 0;
        while (i < len && printable(s.charAt(i))) {
            i++;
        }
        if (i == len) {
            return s;
        }
        StringBuilder b = new StringBuilder(len).append(s, 0, i);
        while (i < len) {
            int cp = s.codePointAt(i);
            b.append(printable(cp) ? (char) cp : REPLACEMENT);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static Object cell(Object value) {
        if (value instanceof String s) {
            return squash(s);
        }
        if (value instanceof String[] a) {
            String[] out = new String[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i] == null ? null : squash(a[i]);
            }
            return out;
        }
        return value;
    }

    private static Object[] row(Object[] row) {
        Object[] out = row.clone(); // the base's array may be reused for its next row
        for (int i = 0; i < out.length; i++) {
            out[i] = cell(out[i]);
        }
        return out;
    }

    /** @return the table with its string cells squashed, by every access path a writer may take */
    static StarTable table(StarTable base) {
        return new WrapperStarTable(base) {
            @Override
            public Object getCell(long irow, int icol) throws IOException {
                return cell(super.getCell(irow, icol));
            }

            @Override
            public Object[] getRow(long irow) throws IOException {
                return row(super.getRow(irow));
            }

            @Override
            public RowSequence getRowSequence() throws IOException {
                return new WrapperRowSequence(super.getRowSequence()) {
                    @Override
                    public Object getCell(int icol) throws IOException {
                        return cell(super.getCell(icol));
                    }

                    @Override
                    public Object[] getRow() throws IOException {
                        return row(super.getRow());
                    }
                };
            }

            @Override
            public RowAccess getRowAccess() throws IOException {
                return new WrapperRowAccess(super.getRowAccess()) {
                    @Override
                    public Object getCell(int icol) throws IOException {
                        return cell(super.getCell(icol));
                    }

                    @Override
                    public Object[] getRow() throws IOException {
                        return row(super.getRow());
                    }
                };
            }

            @Override
            public RowSplittable getRowSplittable() throws IOException {
                return Tables.getDefaultRowSplittable(this); // over the squashed sequence or access above
            }
        };
    }

    /** @return a writer that writes each table through {@link #table} */
    static StarTableWriter writer(StarTableWriter base) {
        return new StarTableWriter() {
            @Override
            public void writeStarTable(StarTable t, OutputStream out) throws IOException {
                base.writeStarTable(table(t), out);
            }

            @Override
            public void writeStarTable(StarTable t, String location, StarTableOutput sto) throws IOException {
                base.writeStarTable(table(t), location, sto);
            }

            @Override
            public boolean looksLikeFile(String location) {
                return base.looksLikeFile(location);
            }

            @Override
            public String getFormatName() {
                return base.getFormatName();
            }

            @Override
            public String getMimeType() {
                return base.getMimeType();
            }
        };
    }
}
