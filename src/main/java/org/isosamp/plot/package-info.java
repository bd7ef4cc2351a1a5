/**
 * Quick looks of products, drawn headless with JFreeChart: a spectrum's segments ({@link
 * org.isosamp.plot.SpectrumQuickLook}), an image with a stretch, colour bar and WCS ({@link
 * org.isosamp.plot.ImageQuickLook}); {@link org.isosamp.plot.QuickLook#read} picks one from what the file holds.
 * The command line writes them as PNGs ({@code iso-samp quicklook}); the desktop window shows the same
 * {@link org.jfree.chart.JFreeChart} in its own chart panel. No Swing here: the window wraps the chart.
 */
package org.isosamp.plot;
