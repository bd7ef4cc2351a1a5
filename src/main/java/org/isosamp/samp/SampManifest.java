package org.isosamp.samp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Subscriptions;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * What iso-samp tells the hub about itself: name, description, icon, documentation and the MTypes it
 * subscribes to and sends. The one source is {@code plugin-manifest/iso-samp.json}, packed into the jar as
 * {@value #RESOURCE}; nothing here is hard-coded a second time.
 *
 * <p>Immutable and thread-safe.
 */
public final class SampManifest {

    /** Where the build puts the manifest in the jar. */
    public static final String RESOURCE = "/META-INF/iso-samp/iso-samp.json";

    private final String name;
    private final String description;
    private final String documentation;
    private final String homepage;
    private final String vendor;
    private final String iconResource;
    private final Map<String, Map<String, String>> subscribes;
    private final List<String> sends;
    private final List<String> coneTables;
    private final double coneRadiusDeg;

    private SampManifest(JSONObject root) {
        JSONObject samp = root.getJSONObject("samp");
        name = samp.getString("clientName");
        description = root.getString("description");
        documentation = root.getString("documentation");
        homepage = root.getString("homepage");
        vendor = root.optString("vendor", "");
        iconResource = samp.getString("iconResource");
        Map<String, Map<String, String>> subs = new LinkedHashMap<>();
        JSONObject s = samp.getJSONObject("subscribes");
        // keys(), not keySet(): inside TOPCAT 4.8.7 the org.json is Debian's older one, which has no keySet()
        for (String mtype : keys(s)) {
            JSONObject ann = s.getJSONObject(mtype);
            Map<String, String> annotations = new LinkedHashMap<>();
            for (String key : keys(ann)) {
                if (key.startsWith("x-samp.")) {
                    annotations.put(key, ann.getString(key));
                }
            }
            subs.put(mtype, Collections.unmodifiableMap(annotations));
        }
        subscribes = Collections.unmodifiableMap(subs);
        sends = strings(samp.getJSONArray("sends"));
        JSONObject services = root.getJSONObject("services");
        coneTables = strings(services.getJSONArray("coneTables"));
        coneRadiusDeg = services.getDouble("coneRadiusDeg");
    }

    /** The keys of an object, through the API every org.json has (Debian's, in TOPCAT 4.8.7, and STIL's). */
    private static List<String> keys(JSONObject o) {
        List<String> out = new ArrayList<>();
        for (Iterator<?> it = o.keys(); it.hasNext(); ) {
            out.add(String.valueOf(it.next()));
        }
        return out;
    }

    private static List<String> strings(JSONArray a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            out.add(a.getString(i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @return the manifest packed in the jar
     * @throws IllegalStateException if the build left it out or it does not parse (a packaging bug)
     */
    public static SampManifest load() {
        try (InputStream in = SampManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path: the jar was built"
                    + " without plugin-manifest/");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json the text of a manifest
     * @return the manifest
     * @throws IllegalArgumentException naming the missing or malformed key
     */
    public static SampManifest parse(String json) {
        try {
            return new SampManifest(new JSONObject(json));
        } catch (JSONException e) {
            throw new IllegalArgumentException("bad iso-samp manifest: " + e.getMessage(), e);
        }
    }

    /** @return the SAMP client name, {@code samp.name} */
    public String name() {
        return name;
    }

    /** @return a one-paragraph description, {@code samp.description.text} */
    public String description() {
        return description;
    }

    /** @return the documentation URL, {@code samp.documentation.url} */
    public String documentation() {
        return documentation;
    }

    /** @return the name of the icon next to the manifest in the jar */
    public String iconResource() {
        return iconResource;
    }

    /** @return the icon inside the jar, or null if it is missing */
    public URL iconUrl() {
        return SampManifest.class.getResource(RESOURCE.substring(0, RESOURCE.lastIndexOf('/') + 1) + iconResource);
    }

    /** @return MType to subscription annotations ({@code x-samp.mostly-harmless}), in manifest order */
    public Map<String, Map<String, String>> subscribes() {
        return subscribes;
    }

    /** @return the MTypes iso-samp sends */
    public List<String> sends() {
        return sends;
    }

    /** @return the tables a {@code coord.pointAt.sky} searches by default */
    public List<String> coneTables() {
        return coneTables;
    }

    /** @return the default cone radius in degrees */
    public double coneRadiusDeg() {
        return coneRadiusDeg;
    }

    /**
     * @param iconUrl where the hub's other clients can fetch the icon (a URL they can read), or null
     * @param version iso-samp's version, or null
     * @return SAMP metadata for {@code declareMetadata}
     */
    public Metadata metadata(URL iconUrl, String version) {
        Metadata meta = new Metadata();
        meta.setName(name);
        meta.setDescriptionText(description);
        meta.setDocumentationUrl(documentation);
        if (iconUrl != null) {
            meta.setIconUrl(iconUrl.toString());
        }
        meta.put("home.page", homepage);
        if (!vendor.isEmpty()) {
            meta.put("author.affiliation", vendor);
        }
        if (version != null) {
            meta.put("iso-samp.version", version);
        }
        return meta;
    }

    /** @return the subscriptions to declare, annotations included */
    public Subscriptions subscriptions() {
        Subscriptions subs = new Subscriptions();
        subscribes.forEach((mtype, ann) -> subs.put(mtype, new LinkedHashMap<>(ann)));
        return subs;
    }
}
