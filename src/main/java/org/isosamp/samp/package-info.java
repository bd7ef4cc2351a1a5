/**
 * iso-samp on the SAMP bus, with JSAMP.
 *
 * <ul>
 * <li>The connection: {@link org.isosamp.samp.SampClient} (declared from {@code plugin-manifest/iso-samp.json}
 *     through {@link org.isosamp.samp.SampManifest}), where the hub is ({@link org.isosamp.samp.HubLocation}),
 *     and the loopback server of what is sent ({@link org.isosamp.samp.ProductServer}).</li>
 * <li>Sending: {@link org.isosamp.samp.TableSender} (tables, fresh {@code table-id} each time, recorded in
 *     {@link org.isosamp.samp.SentTables}), {@link org.isosamp.samp.ProductSender} (STANDALONE products by the
 *     kind their FITS shows), {@link org.isosamp.samp.RowSender} (our own row picks).</li>
 * <li>Receiving: {@link org.isosamp.samp.PointAtHandler} replies at once and hands the position to
 *     {@link org.isosamp.samp.ConeSearcher} (one worker, bursts coalesced, stale searches cancelled, non-empty
 *     results published); {@link org.isosamp.samp.RowMessageHandler} for row highlights and selections.</li>
 * </ul>
 *
 * No Swing, nothing printed: the command line and a GUI sit above and listen
 * ({@link org.isosamp.samp.ReceiveListener}, {@link org.isosamp.samp.SentTables.RowListener}).
 */
package org.isosamp.samp;
