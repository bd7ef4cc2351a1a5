/**
 * File-system helpers shared by the other packages: {@link org.isosamp.io.OutputTarget} (where a saved file goes,
 * decided once for every writer: a new file, an existing one refused or replaced as {@link org.isosamp.io.IfExists}
 * says, a symbolic link written through, a device, FIFO or stream written straight, a file we may not write
 * refused), {@link org.isosamp.io.PartFile} (a file written under a hidden temporary name beside its target and
 * moved into place in one step, deleted if never committed, even on Ctrl-C) and {@link org.isosamp.io.FileErrors}
 * (failures that name the user's path and the reason). A leaf: depends on the JDK only, and {@code archive},
 * {@code table}, {@code products} and {@code local} may depend on it.
 */
package org.isosamp.io;
