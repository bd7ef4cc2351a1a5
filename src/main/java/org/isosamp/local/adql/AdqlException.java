package org.isosamp.local.adql;

/**
 * A query the local archive will not run: not ADQL, not a single SELECT, an
 * unknown table or column, a function outside the whitelist. The message is
 * meant for the user and goes into the QUERY_STATUS=ERROR of the response.
 */
public class AdqlException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdqlException(String message) {
        super(message);
    }

    public AdqlException(String message, Throwable cause) {
        super(message, cause);
    }
}
