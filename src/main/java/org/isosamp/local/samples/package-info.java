/**
 * Sample content of the local stand-in archive: the metadata and rows under
 * {@code samples/} (written by {@link org.isosamp.local.samples.WriteSamples},
 * read by {@link org.isosamp.local.samples.SampleCsv}) and the deterministic
 * scale generator {@link org.isosamp.local.samples.SyntheticArchive}.
 *
 * <p>Everything here is <em>synthetic</em>, apart from the values that the
 * astroquery.esa.iso documentation prints, which are reproduced verbatim.
 */
package org.isosamp.local.samples;
