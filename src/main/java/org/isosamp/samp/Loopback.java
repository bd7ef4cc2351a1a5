package org.isosamp.samp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.logging.Logger;
import org.astrogrid.samp.httpd.HttpServer;
import org.astrogrid.samp.httpd.UtilServer;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * Keeps every socket of iso-samp's SAMP session on loopback. JSAMP's shared {@link UtilServer}, which carries
 * the XML-RPC server of each client (its callbacks) and of an in-process hub, opens its server socket with a port alone
 * on every interface, so anyone on the network could reach it. {@link #install()} replaces JSAMP's default
 * instance, before anything asks for it, with one whose socket is bound to 127.0.0.1; JSAMP's URLs already name
 * 127.0.0.1 (its {@code jsamp.localhost} default), so nothing else changes. Every way into a SAMP session
 * ({@link HubLocation#profile()}, {@link HubLocation#startHub()}, {@link SampClient}) calls it, so every face
 * (command line, window, plug-in) gets it.
 *
 * <p>Caveat: a host that made JSAMP's default server before (TOPCAT starting its hub) keeps that one for what it
 * already serves. Thread-safe.
 */
final class Loopback {

    private static final Logger LOG = Logger.getLogger(Loopback.class.getName());
    private static boolean installed;

    private Loopback() {
    }

    /**
     * Makes JSAMP's default {@link UtilServer} a loopback one, once per JVM.
     *
     * @throws UncheckedIOException if no loopback port can be bound
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        String impl = System.getProperty(XmlRpcKit.IMPL_PROP);
        if (impl != null && impl.toLowerCase(java.util.Locale.ROOT).startsWith("apache")) {
            LOG.warning(XmlRpcKit.IMPL_PROP + "=" + impl + ": Apache XML-RPC listens on every interface; the default"
                        + " (internal) keeps SAMP on loopback");
        }
        try {
            HttpServer server = new HttpServer(serverSocket(Integer.getInteger(UtilServer.PORT_PROP, 0)));
            server.setDaemon(true);
            server.start();
            UtilServer.setInstance(new UtilServer(server));
            installed = true;
            LOG.fine(() -> "JSAMP's server at " + server.getBaseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback socket for SAMP: " + e.getMessage(), e);
        }
    }

    /**
     * @param port the port wanted (JSAMP's {@code jsamp.server.port}), 0 for any; a busy one falls back to any
     * @return a server socket bound to the loopback address
     */
    static ServerSocket serverSocket(int port) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (port > 0) {
            try {
                return new ServerSocket(port, 50, loopback);
            } catch (BindException e) {
                LOG.warning("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "): using a free port");
            }
        }
        return new ServerSocket(0, 50, loopback);
    }
}
