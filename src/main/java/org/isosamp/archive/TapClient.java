package org.isosamp.archive;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.isosamp.model.TableMeta;

/** SKELETON: the TAP-client work replaces this file. */
public final class TapClient {
    public TapClient(OkHttpClient http, HttpUrl tapBase) { }
    public QueryResult query(String adql, long maxrec, boolean async, Consumer<String> phases) throws IOException { throw new UnsupportedOperationException(); }
    public List<TableMeta> tables(boolean withColumns) throws IOException { throw new UnsupportedOperationException(); }
}
