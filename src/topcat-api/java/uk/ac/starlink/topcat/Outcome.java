package uk.ac.starlink.topcat;

/** Compile stub of TOPCAT 4.8.7's {@code Outcome} (see this source root's README.md). */
public class Outcome {

    protected Outcome(boolean isSuccess, String message) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public boolean isSuccess() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public static Outcome success() {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public static Outcome success(String message) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public static Outcome failure(String message) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }

    public static Outcome failure(Throwable error) {
        throw new UnsupportedOperationException("TOPCAT compile stub");
    }
}
