/**
 * File-system helpers shared by the other packages: {@link org.isosamp.io.PartFile} (a file written under a hidden
 * temporary name beside its target and moved into place in one step, deleted if never committed, even on Ctrl-C).
 * A leaf: depends on the JDK only, and {@code archive}, {@code table}, {@code products} and {@code local} may
 * depend on it.
 */
package org.isosamp.io;
