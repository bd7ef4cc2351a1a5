package org.isosamp.archive;

import java.io.IOException;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;

/** SKELETON: the download work replaces this file. */
public final class DataClient {
    /** Progress of one download. */
    public interface Listener {
        void progress(long bytes, long total);
    }
    public DataClient(OkHttpClient http, HttpUrl dataBase) { }
    public HttpUrl productUrl(String tdt, RetrievalType type, ProductLevel level) { throw new UnsupportedOperationException(); }
    public Path download(HttpUrl url, Path targetDir, String requestedName, Listener listener) throws IOException { throw new UnsupportedOperationException(); }
}
