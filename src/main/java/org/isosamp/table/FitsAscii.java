package org.isosamp.table;

import uk.ac.starlink.fits.AbstractFitsTableWriter;
import uk.ac.starlink.fits.StringEncoder;
import uk.ac.starlink.table.StarTableWriter;

/**
 * The FITS writers' default string encoding, STIL's {@link StringEncoder#SQUASH_TO_ASCII}
 * (each code point 32-126 as its byte, any other as {@code '?'}), without its cost: STIL
 * 4.3.5 runs an {@code IntStream} pipeline for every string cell, which was two thirds of
 * the time of writing the 40k-row query as FITS. Same bytes (a test compares them for any
 * text), a plain loop. Stateless; thread-safe.
 *
 * <p>STIL 4.1 (TOPCAT 4.8.7) has no {@link StringEncoder}: this class does not load there. Only
 * {@link TableFiles#fastFitsStrings} uses it, after checking that STIL has the encoder (else {@link AsciiCells}
 * gives STIL 4.1's writer the same text).
 */
final class FitsAscii extends StringEncoder {

    static final FitsAscii INSTANCE = new FitsAscii();

    private static final byte REPLACEMENT = '?';

    private FitsAscii() {
        super("ASCII");
    }

    /**
     * Gives a FITS writer that encodes strings with STIL's default this faster equivalent;
     * any other writer, or one configured with another encoding, is left alone.
     *
     * @return the writer
     */
    static StarTableWriter install(StarTableWriter writer) {
        if (writer instanceof AbstractFitsTableWriter fits && fits.getUnicodeHandler() == StringEncoder.SQUASH_TO_ASCII) {
            fits.setUnicodeHandler(INSTANCE);
        }
        return writer;
    }

    private static byte encode(int codePoint) {
        return AsciiCells.printable(codePoint) ? (byte) codePoint : REPLACEMENT;
    }

    @Override
    public byte[] toBytes(String s) {
        byte[] out = new byte[s.codePointCount(0, s.length())];
        copyToBytes(s, out);
        return out;
    }

    @Override
    public int copyToBytes(String s, byte[] buf) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len && n < buf.length; ) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                int cp = s.codePointAt(i);
                buf[n++] = encode(cp);
                i += Character.charCount(cp);
            } else {
                buf[n++] = encode(c);
                i++;
            }
        }
        return n;
    }
}
