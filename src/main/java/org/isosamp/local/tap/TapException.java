package org.isosamp.local.tap;

/** A TAP request that fails with a given HTTP status and a message for the user. */
final class TapException extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    TapException(int status, String message) {
        super(message);
        this.status = status;
    }

    TapException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }
}
