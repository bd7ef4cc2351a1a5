/**
 * The command line: one picocli command per task ({@code serve-local}, ...), each
 * testable through {@link org.isosamp.IsoSamp#runMain(String...)}. The only
 * package (with {@code gui}) that prints to the terminal.
 */
package org.isosamp.cli;
