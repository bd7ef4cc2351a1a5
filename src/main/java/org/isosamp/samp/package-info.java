/**
 * iso-samp on the SAMP bus, with JSAMP.
 *
 * <ul>
 * <li>The session a face opens: {@link org.isosamp.samp.SampSession} (the hub found or started, the product
 *     server, the client); {@link org.isosamp.samp.PointAtService} is what {@code listen} runs on it, told to a
 *     face through one listener.</li>
 * <li>The connection: {@link org.isosamp.samp.SampClient} (declared from {@code plugin-manifest/iso-samp.json}
 *     through {@link org.isosamp.samp.SampManifest}; its own JSAMP connector, or one a window gives, such as
 *     {@code GuiHubConnector}), where the hub is ({@link org.isosamp.samp.HubLocation}),
 *     and the loopback server of what is sent ({@link org.isosamp.samp.ProductServer}).</li>
 * <li>Sending: {@link org.isosamp.samp.TableSender} (tables, fresh {@code table-id} each time, recorded in
 *     {@link org.isosamp.samp.SentTables}), {@link org.isosamp.samp.ProductSender} (STANDALONE products by the
 *     kind their FITS shows), {@link org.isosamp.samp.RowSender} (our own row picks).</li>
 * <li>Receiving: {@link org.isosamp.samp.PointAtHandler} replies at once and hands the position to
 *     {@link org.isosamp.samp.ConeSearcher} (one worker, bursts coalesced, stale searches cancelled, non-empty
 *     results published), then, when asked ({@code listen --send-nearest}), {@link org.isosamp.samp.NearestProducts}
 *     sends the nearest spectrum and image; {@link org.isosamp.samp.RowMessageHandler} for row highlights and
 *     selections. A window's "Listen" switch withholds the pointAt subscription
 *     ({@link org.isosamp.samp.PointAtService#setListening}).</li>
 * <li>Beside the bus: {@link org.isosamp.samp.TopcatLauncher} starts the installed TOPCAT (a SAMP peer) with
 *     iso-samp's plug-in and, for {@code local}, the local archive kept while TOPCAT runs; a face runs it.</li>
 * </ul>
 *
 * No Swing, nothing printed: the command line and a GUI sit above and listen
 * ({@link org.isosamp.samp.ReceiveListener}, {@link org.isosamp.samp.SentTables.RowListener}).
 */
package org.isosamp.samp;
