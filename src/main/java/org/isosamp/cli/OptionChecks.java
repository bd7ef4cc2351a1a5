package org.isosamp.cli;

import org.isosamp.model.RetrievalType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks of option values shared by commands, made as the command line is read: a value out of range is a usage
 * error (exit 2, the option named, a hint), never a silent clamp nor a failure deep inside.
 */
final class OptionChecks {

    /**
     * The most rows the archive gives whatever MAXREC asks: the local archive's documented hard limit, the same
     * as the production archive's.
     */
    static final long HARD_MAXREC = 2_000_000;

    private OptionChecks() {
    }

    /** {@code --maxrec}: 0 to {@value #HARD_MAXREC}. */
    static final class MaxRec implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n = parse(value);
            if (n < 0 || n > HARD_MAXREC) {
                throw new TypeConversionException("'" + value + "' is not within 0.." + HARD_MAXREC
                    + (n > HARD_MAXREC ? " (the archive's hard limit)" : ""));
            }
            return n;
        }
    }

    /** A count that may be 0 ({@code --max-lines}, where 0 means all). */
    static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = parse(value);
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is not a count (0 or more)");
            }
            return (int) n;
        }
    }

    /** A count of at least 1 ({@code --timeout} seconds, {@code --parallel} downloads). */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            long n = parse(value);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new TypeConversionException("'" + value + "' is not 1 or more");
            }
            return (int) n;
        }
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    /**
     * {@code --product-level} chooses among the files of an OBSERVATION; with another retrieval type it would be
     * ignored without a word, so it is refused.
     *
     * @throws ParameterException when {@code --product-level} was given with a type other than OBSERVATION
     */
    static void productLevelOnlyForObservations(CommandSpec spec, RetrievalType type) {
        if (type != RetrievalType.OBSERVATION && spec.commandLine().getParseResult() != null
            && spec.commandLine().getParseResult().hasMatchedOption("--product-level")) {
            throw new ParameterException(spec.commandLine(),
                "--product-level applies to --retrieval-type OBSERVATION only, not " + type);
        }
    }
}
