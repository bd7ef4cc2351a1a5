/**
 * iso-samp on the SAMP bus, with JSAMP: the hub connection ({@link org.isosamp.samp.SampClient}, declared from
 * {@code plugin-manifest/iso-samp.json} through {@link org.isosamp.samp.SampManifest}), where the hub is
 * ({@link org.isosamp.samp.HubLocation}), and the loopback server of what is sent
 * ({@link org.isosamp.samp.ProductServer}). No Swing, nothing printed: the command line and the GUI sit above.
 */
package org.isosamp.samp;
