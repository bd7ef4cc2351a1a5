package org.isosamp.samp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.astrogrid.samp.httpd.HttpServer;
import org.astrogrid.samp.httpd.ResourceHandler;
import org.astrogrid.samp.httpd.ServerResource;

/**
 * Serves what iso-samp sends over SAMP (tables, products, its icon) from JSAMP's own HTTP server, bound to
 * 127.0.0.1 only, as every socket of iso-samp (see {@link Loopback}): a user's downloads are nobody else's. A
 * removed resource answers {@code 410 Gone}.
 *
 * <p>Thread-safe.
 */
public final class ProductServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProductServer.class.getName());

    private final HttpServer server;
    private final ResourceHandler resources;
    private final Set<URL> live = Collections.synchronizedSet(new HashSet<>());

    private ProductServer(HttpServer server) {
        this.server = server;
        this.resources = new ResourceHandler(server, "/iso-samp");
        server.addHandler(resources);
    }

    /**
     * @return a running server on a free loopback port
     * @throws IOException if no port can be bound
     */
    public static ProductServer start() throws IOException {
        ServerSocket socket = Loopback.serverSocket(0);
        HttpServer server = new HttpServer(socket);
        server.setDaemon(true);
        server.start();
        ProductServer ps = new ProductServer(server);
        LOG.fine(() -> "product server at " + server.getBaseUrl());
        return ps;
    }

    /** @return the server's base URL, {@code http://127.0.0.1:<port>} */
    public URL baseUrl() {
        return server.getBaseUrl();
    }

    /**
     * Serves a file as it is on disk when asked (its length read at each request).
     *
     * @param file the file; it must stay until {@link #remove}
     * @param name the cosmetic last part of the URL
     * @param contentType its MIME type
     * @return its URL
     */
    public URL addFile(Path file, String name, String contentType) {
        return add(name, new Streamed(contentType, () -> Files.newInputStream(file), () -> {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }));
    }

    /**
     * Serves a class-path resource, e.g. the icon.
     *
     * @param resource the resource's URL (jar: or file:)
     * @param name the cosmetic last part of the URL
     * @param contentType its MIME type
     * @return its URL
     */
    public URL addClassResource(URL resource, String name, String contentType) {
        return add(name, new Streamed(contentType, resource::openStream, () -> -1));
    }

    /**
     * @param name the cosmetic last part of the URL
     * @param resource what to serve
     * @return its URL
     */
    public URL add(String name, ServerResource resource) {
        URL url = resources.addResource(name, resource);
        live.add(url);
        return url;
    }

    /**
     * Stops serving a resource: it answers 410 Gone from now on. Removing one twice does nothing.
     *
     * @param url a URL this server gave
     */
    public void remove(URL url) {
        if (live.remove(url)) {
            resources.removeResource(url);
        }
    }

    /** @return how many resources are served now (tests check nothing is left behind) */
    public int liveCount() {
        return live.size();
    }

    /** What a stream opened afresh at each request holds; its length is asked at each request too (-1: unknown). */
    private static final class Streamed implements ServerResource {

        /** Opens the content. */
        interface Opener {
            InputStream open() throws IOException;
        }

        private final String contentType;
        private final Opener opener;
        private final LongSupplier length;

        Streamed(String contentType, Opener opener, LongSupplier length) {
            this.contentType = contentType;
            this.opener = opener;
            this.length = length;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public long getContentLength() {
            return length.getAsLong();
        }

        @Override
        public void writeBody(OutputStream out) throws IOException {
            try (InputStream in = opener.open()) {
                in.transferTo(out);
            }
        }
    }

    /** Stops the server; every URL it gave stops answering. */
    @Override
    public void close() {
        synchronized (live) {
            for (URL u : live) {
                resources.removeResource(u);
            }
            live.clear();
        }
        server.stop();
    }
}
