package org.isosamp.archive;

import java.io.IOException;

/**
 * The archive answered, but not with what was asked: an HTTP error status, a
 * TAP {@code QUERY_STATUS=ERROR}, a UWS job in ERROR, or a body that is not
 * what it should be (an HTML page instead of a product). The message names the
 * URL, the status and the server's own message, e.g.
 * {@code IDA TAP query failed: HTTP 400 from http://.../tap/sync: Cannot parse query: ...}.
 */
public class ArchiveException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int status;
    private final String serverMessage;

    /**
     * @param what          what failed, e.g. "IDA TAP query"
     * @param url           the URL asked
     * @param status        HTTP status, or 0 when not an HTTP-level failure
     * @param serverMessage the server's own message (QUERY_STATUS text, first ~200 chars of a body), or null
     */
    public ArchiveException(String what, String url, int status, String serverMessage) {
        this(what, url, status, serverMessage, null);
    }

    public ArchiveException(String what, String url, int status, String serverMessage, Throwable cause) {
        super(what + " failed: " + (status > 0 ? "HTTP " + status + " from " : "") + url
              + (serverMessage == null || serverMessage.isBlank() ? "" : ": " + serverMessage), cause);
        this.url = url;
        this.status = status;
        this.serverMessage = serverMessage;
    }

    /** @return the URL asked */
    public String url() {
        return url;
    }

    /** @return the HTTP status, or 0 */
    public int status() {
        return status;
    }

    /** @return the server's own message, or null */
    public String serverMessage() {
        return serverMessage;
    }
}
