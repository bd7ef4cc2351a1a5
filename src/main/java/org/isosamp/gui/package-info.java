/**
 * Swing parts shared by the faces that have a window: the search panel ({@link org.isosamp.gui.SearchPanel}) that
 * TOPCAT's "ISO Data Archive" load dialog shows today and the desktop window will show, with its table and column
 * browser fed by the archive's own metadata. Everything here runs on the event thread except what the archive is
 * asked, which goes to a {@link javax.swing.SwingWorker}; the search itself is the core's
 * ({@link org.isosamp.archive.ArchiveSearch}). Code here may run inside TOPCAT, so it uses only the STIL API of
 * TOPCAT 4.8.7 (STIL 4.1.3), and none of it, as it stands, needs STIL at all.
 */
package org.isosamp.gui;
