package org.isosamp.samp;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.astrogrid.samp.SampUtils;
import org.astrogrid.samp.client.ClientProfile;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubProfile;
import org.astrogrid.samp.hub.HubServiceMode;
import org.astrogrid.samp.xmlrpc.LockInfo;
import org.astrogrid.samp.xmlrpc.StandardClientProfile;
import org.astrogrid.samp.xmlrpc.StandardHubProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;

/**
 * Where the SAMP hub is: a Standard Profile lockfile, found as every SAMP tool finds it ({@code SAMP_HUB=
 * std-lockurl:<url>}, else {@code ~/.samp}) or given explicitly. It makes the client profile that registers
 * with that hub, and can start a hub there when none is running (what {@code --hub} does, as TOPCAT does).
 *
 * <p>Immutable and thread-safe.
 */
public final class HubLocation {

    private static final Logger LOG = Logger.getLogger(HubLocation.class.getName());
    private static final String STD = StandardClientProfile.STDPROFILE_HUB_PREFIX;

    private final URL lockUrl;

    private HubLocation(URL lockUrl) {
        this.lockUrl = lockUrl;
    }

    /**
     * Reads a hub location as {@code SAMP_HUB} is read: {@code std-lockurl:<url>}, or a lockfile path.
     *
     * @param spec a location, or null or blank for the environment's {@code SAMP_HUB}, else {@code ~/.samp}
     * @return the location
     * @throws IllegalArgumentException if the location is neither (e.g. a Web Profile {@code SAMP_HUB}: iso-samp
     *         is a desktop client and speaks the Standard Profile)
     */
    public static HubLocation of(String spec) {
        if (spec == null || spec.isBlank()) {
            String env = System.getenv(DefaultClientProfile.HUBLOC_ENV);
            if (env == null || env.isBlank()) {
                try {
                    return new HubLocation(StandardClientProfile.getDefaultLockUrl());
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot find the default SAMP lockfile: " + e.getMessage(), e);
                }
            }
            spec = env.trim();
            if (!spec.startsWith(STD)) {
                throw new IllegalArgumentException("SAMP_HUB=" + spec + " is not a Standard Profile hub (expected "
                    + STD + "<url>)");
            }
        }
        spec = spec.trim();
        if (spec.startsWith(STD)) {
            String url = spec.substring(STD.length());
            try {
                return new HubLocation(new URL(url));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad SAMP lockfile URL \"" + url + "\": " + e.getMessage(), e);
            }
        }
        if (spec.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            throw new IllegalArgumentException("bad SAMP hub location \"" + spec + "\": expected " + STD
                + "<url> or a lockfile path");
        }
        return new HubLocation(SampUtils.fileToUrl(new File(spec).getAbsoluteFile()));
    }

    /** @return the lockfile's URL */
    public URL lockUrl() {
        return lockUrl;
    }

    /** @return the lockfile, or null if it is not a {@code file:} URL */
    public File lockFile() {
        return SampUtils.urlToFile(lockUrl);
    }

    /** @return a client profile that registers with the hub of this lockfile; its callback server binds loopback */
    public ClientProfile profile() {
        Loopback.install();   // the callback server this profile starts
        URL url = lockUrl;
        return new StandardClientProfile(XmlRpcKit.getInstance()) {
            @Override
            public LockInfo getLockInfo() throws IOException {
                return LockInfo.readLockFile(url);
            }
        };
    }

    /** @return true if a hub answers {@code samp.hub.ping} at this lockfile's address */
    public boolean isHubRunning() {
        return profile().isHubRunning();
    }

    /**
     * Starts a Standard Profile hub in this JVM, listening on loopback only, writing this lockfile (a stale one is
     * replaced). The hub lives
     * until {@link Hub#shutdown()}, which removes the lockfile, or the JVM ends.
     *
     * @return the hub
     * @throws IOException if a hub is already running here, the lockfile is not a local file, or it cannot start
     */
    public Hub startHub() throws IOException {
        File file = lockFile();
        if (file == null) {
            throw new IOException("cannot start a hub at " + lockUrl + ": not a local file");
        }
        if (isHubRunning()) {
            throw new IOException("a SAMP hub is already running (lockfile " + file + ")");
        }
        Loopback.install();   // the hub's XML-RPC server
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        XmlRpcKit kit = XmlRpcKit.getInstance();
        HubProfile std = new StandardHubProfile(kit.getClientFactory(), kit.getServerFactory(), file,
                                                HexFormat.of().formatHex(secret));
        Hub hub = Hub.runHub(HubServiceMode.NO_GUI, new HubProfile[] {std}, new HubProfile[0]);
        LOG.info(() -> "started a SAMP hub, lockfile " + file);
        return hub;
    }

    @Override
    public String toString() {
        return "SAMP hub at " + lockUrl;
    }
}
