package org.isosamp.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the QUERY_STATUS check of a VOTable that is saved as it came gives the
 * XML parser: the bytes as they are, but for the base64 text of each
 * {@code STREAM} element (all but a few hundred KB of a BINARY2 answer),
 * which is checked here, byte by byte, to be base64 letters or white space,
 * and left out. Those bytes are character data that cannot make a document
 * ill-formed, so the parser still judges the whole structure, and the
 * check costs a scan of bytes instead of an XML parse of them. The first byte
 * of a STREAM's text that is anything else (an entity, a comment, a stray
 * character) ends the skipping, and from there the parser sees everything.
 *
 * <p>A small tokenizer finds the STREAM start tags: it knows comments,
 * CDATA sections, processing instructions, end tags and quoted attribute
 * values (which may contain {@code >}); after a DOCTYPE (which VOTables do
 * not have) it passes everything on. Used by one thread.
 */
final class StreamTextSkipper extends FilterInputStream {

    private enum State { TEXT, LT, BANG, COMMENT, CDATA, PI, END_TAG, TAG_NAME, ATTRS, STREAM_TEXT, OFF }

    private static final boolean[] BASE64 = new boolean[256];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            BASE64[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            BASE64[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            BASE64[c] = true;
        }
        for (char c : new char[] {'+', '/', '=', ' ', '\t', '\r', '\n'}) {
            BASE64[c] = true;
        }
    }

    private State state = State.TEXT;
    /** Progress through a closing sequence ("-->", "]]>", "?>") or "<!" lookahead. */
    private int seen;
    private final StringBuilder name = new StringBuilder();
    private byte quote;
    private byte last;
    private long skipped;

    StreamTextSkipper(InputStream in) {
        super(in);
    }

    /** @return how many bytes of STREAM text were checked and left out */
    long skipped() {
        return skipped;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // all skipped: read on
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n = in.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            int kept = filter(b, off, n);
            if (kept > 0) {
                return kept;
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Filters {@code b[off, off+n)} in place; @return the bytes kept, moved to the front */
    private int filter(byte[] b, int off, int n) {
        int w = off;
        int end = off + n;
        for (int r = off; r < end; r++) {
            byte c = b[r];
            if (state == State.STREAM_TEXT) {
                // the bulk of a BINARY2 answer: a tight scan over the base64 run, with the count kept local
                int from = r;
                while (r < end && BASE64[b[r] & 0xff]) {
                    r++;
                }
                skipped += r - from;
                if (r == end) {
                    break;
                }
                c = b[r];
                state = c == '<' ? State.LT : State.TEXT;
                b[w++] = c;
                continue;
            }
            b[w++] = c;
            step(c);
        }
        return w - off;
    }

    private void step(byte c) {
        switch (state) {
            case OFF:
                break;
            case TEXT:
                if (c == '<') {
                    state = State.LT;
                }
                break;
            case LT:
                if (c == '!') {
                    state = State.BANG;
                    seen = 0;
                } else if (c == '?') {
                    state = State.PI;
                    seen = 0;
                } else if (c == '/') {
                    state = State.END_TAG;
                } else {
                    state = State.TAG_NAME;
                    name.setLength(0);
                    name.append((char) (c & 0xff));
                }
                break;
            case BANG:
                // "<!--" comment, "<![" CDATA section, anything else (DOCTYPE): give up tokenizing
                if (seen == 0 && c == '-') {
                    seen = 1;
                } else if (seen == 1 && c == '-') {
                    state = State.COMMENT;
                    seen = 0;
                } else if (seen == 0 && c == '[') {
                    state = State.CDATA;
                    seen = 0;
                } else {
                    state = State.OFF;
                }
                break;
            case COMMENT:
                seen = c == '-' ? Math.min(seen + 1, 2) : c == '>' && seen == 2 ? 3 : 0;
                if (seen == 3) {
                    state = State.TEXT;
                }
                break;
            case CDATA:
                seen = c == ']' ? Math.min(seen + 1, 2) : c == '>' && seen == 2 ? 3 : 0;
                if (seen == 3) {
                    state = State.TEXT;
                }
                break;
            case PI:
                seen = c == '?' ? 1 : c == '>' && seen == 1 ? 2 : 0;
                if (seen == 2) {
                    state = State.TEXT;
                }
                break;
            case END_TAG:
                if (c == '>') {
                    state = State.TEXT;
                }
                break;
            case TAG_NAME:
                if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    state = State.ATTRS;
                    quote = 0;
                    last = 0;
                    attrs(c);
                } else {
                    name.append((char) (c & 0xff));
                }
                break;
            case ATTRS:
                attrs(c);
                break;
            default:
                throw new IllegalStateException(state.toString());
        }
    }

    private void attrs(byte c) {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            state = last != '/' && isStream() ? State.STREAM_TEXT : State.TEXT;
            return;
        }
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            last = c;
        }
    }

    private boolean isStream() {
        int colon = name.lastIndexOf(":");
        int len = name.length() - colon - 1;
        return len == 6 && name.indexOf("STREAM", colon + 1) == colon + 1;
    }
}
