import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import okhttp3.ConnectionSpec;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The floor under {@code iso-samp query --output-format votable}: a bare OkHttp program that posts one TAP sync
 * query and writes the body to a file, with no command line, no TLS, no check of the answer. Used in
 * bench/RESULTS.md to show how much of iso-samp's whole-process time is JVM start-up, OkHttp and the archive.
 * <pre>
 * mvn -B -q package -DskipTests
 * /usr/bin/time java -cp target/iso-samp.jar bench/BareOkHttpQuery.java http://127.0.0.1:PORT/nida-sl-tap/tap/sync out.vot
 * </pre>
 * (Run as a source file the launcher also compiles it, about 0.4 s more: compile it once with javac for timing.)
 */
public class BareOkHttpQuery {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        OkHttpClient c = new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        long t1 = System.nanoTime();
        FormBody form = new FormBody.Builder().add("REQUEST", "doQuery").add("LANG", "ADQL")
            .add("MAXREC", "100000").add("QUERY", args.length > 2 ? args[2] : "SELECT * FROM ida.observations").build();
        long bytes = 0;
        long t2;
        try (Response r = c.newCall(new Request.Builder().url(args[0]).post(form).build()).execute();
             InputStream in = r.body().byteStream();
             OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            t2 = System.nanoTime();
            byte[] b = new byte[1 << 16];
            int n;
            while ((n = in.read(b)) > 0) {
                out.write(b, 0, n);
                bytes += n;
            }
        }
        long t3 = System.nanoTime();
        System.err.printf(Locale.ROOT, "client %.0f ms, to headers %.0f ms, body %.0f ms (%d bytes)%n",
                          (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, bytes);
        System.exit(0);
    }
}
