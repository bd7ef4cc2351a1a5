package org.isosamp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules the build applies to the plug-in jar ({@link PluginJarCheck}), on lists of entries. */
class PluginJarCheckTest {

    private static final List<String> CORE = List.of("META-INF/MANIFEST.MF", "org/isosamp/archive/",
        "org/isosamp/archive/IsoArchive.class", "org/isosamp/samp/SampClient.class", PluginJarCheck.LOAD_DIALOG,
        PluginJarCheck.ACTIVATOR, "org/isosamp/shaded/okhttp3/OkHttpClient.class", "META-INF/iso-samp/iso-samp.json");

    @Test
    void theCoreWithRelocatedLibrariesPasses() {
        assertEquals(List.of(), PluginJarCheck.problems(CORE));
    }

    @Test
    void whatTopcatHasWhatIsNotRelocatedAndOurFacesAreEachNamed() {
        List<String> jar = new java.util.ArrayList<>(CORE);
        jar.addAll(List.of("uk/ac/starlink/table/StarTable.class", "okhttp3/OkHttpClient.class",
                           "org/isosamp/cli/QueryCommand.class", "org/isosamp/local/LocalArchive.class",
                           "org/isosamp/IsoSamp.class", "iso-samp-samples/observations.csv",
                           "META-INF/services/org.isosamp.archive.EmbeddedArchive"));
        assertEquals(List.of(
            "uk/ac/starlink/table/StarTable.class: TOPCAT has its own copy",
            "okhttp3/OkHttpClient.class: not relocated under org/isosamp/shaded/",
            "org/isosamp/cli/QueryCommand.class: the command line and the local archive stay out of the plug-in jar",
            "org/isosamp/local/LocalArchive.class: the command line and the local archive stay out of the plug-in jar",
            "org/isosamp/IsoSamp.class: the command line and the local archive stay out of the plug-in jar",
            "iso-samp-samples/observations.csv: the command line and the local archive stay out of the plug-in jar",
            "META-INF/services/org.isosamp.archive.EmbeddedArchive: the command line and the local archive stay out"
                + " of the plug-in jar"),
            PluginJarCheck.problems(jar));
    }

    @Test
    void aJarWithoutTheCoreIsNotThePluginJar() {
        assertEquals(List.of("no org/isosamp/archive/ classes: not iso-samp's core",
                             "no " + PluginJarCheck.LOAD_DIALOG + ": TOPCAT's startable.load.dialogs would name a"
                             + " missing class",
                             "no " + PluginJarCheck.ACTIVATOR + ": TOPCAT's topcat.activators would name a missing"
                             + " class"),
                     PluginJarCheck.problems(List.of("org/isosamp/shaded/okio/Buffer.class")));
    }
}
