package org.isosamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.isosamp.ApiReferences.ClassPath;
import org.isosamp.PluginJarCheck.Guarded;
import org.isosamp.PluginJarCheck.Target;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The rules the build applies to the plug-in jar ({@link PluginJarCheck}): on lists of entries; and the references
 * our classes make into STIL, TOPCAT and JSAMP, checked on iso-samp's own classes (those the plug-in jar holds, from
 * {@code target/classes}) against TOPCAT 4.8.7 (skipped where Debian's {@code topcat} is not installed) and the STIL
 * and JSAMP of the compile class path, and on classes made here with deliberately wrong references.
 */
class PluginJarCheckTest {

    private static final List<String> CORE = List.of("META-INF/MANIFEST.MF", "org/isosamp/archive/",
        "org/isosamp/archive/IsoArchive.class", "org/isosamp/samp/SampClient.class", PluginJarCheck.LOAD_DIALOG,
        PluginJarCheck.ACTIVATOR, PluginJarCheck.WINDOW_TOOL, "org/isosamp/shaded/okhttp3/OkHttpClient.class",
        "META-INF/iso-samp/iso-samp.json");

    @TempDir
    Path dir;

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
                             + " class",
                             "no " + PluginJarCheck.WINDOW_TOOL + ": TOPCAT's topcat.exttools would name a missing"
                             + " class"),
                     PluginJarCheck.problems(List.of("org/isosamp/shaded/okio/Buffer.class")));
    }

    // ---- references: our own classes ----

    @Test
    void theCoreRunsOnTopcat487() throws IOException {
        Map<String, byte[]> ours = pluginClasses();
        try (ClassPath cp = topcat(ours)) {
            Target t = new Target(PluginJarCheck.TOPCAT_487, cp, PluginJarCheck.CHECKED);
            assertEquals(List.of(), PluginJarCheck.referenceProblems(ours, t, PluginJarCheck.GUARDED));
        }
        assertEquals(List.of(), PluginJarCheck.unguardedUses(ours, PluginJarCheck.GUARDED));
    }

    @Test
    void theCoreRunsOnCurrentStilAndJsamp() throws IOException {
        Map<String, byte[]> ours = pluginClasses();
        // the target as the build check makes it: TOPCAT's own classes, 4.10's not being at hand, as 4.8.7 has them
        Target t = PluginJarCheck.targets(ours, new java.util.ArrayList<>()).stream()
            .filter(x -> x.name().equals(PluginJarCheck.CURRENT)).findFirst().orElseThrow();
        try (ClassPath cp = t.classPath()) {
            assertEquals(List.of(), PluginJarCheck.referenceProblems(ours, t, PluginJarCheck.GUARDED));
        }
    }

    /** What the allow-list covers, and nothing else: FitsAscii's use of STIL 4.3's string encoder. */
    @Test
    void withoutItsAllowListTopcat487LacksWhatFitsAsciiUses() throws IOException {
        Map<String, byte[]> ours = pluginClasses();
        try (ClassPath cp = topcat(ours)) {
            Target t = new Target(PluginJarCheck.TOPCAT_487, cp, PluginJarCheck.CHECKED);
            String by = ", used by org.isosamp.table.FitsAscii";
            String writer = "uk.ac.starlink.fits.AbstractFitsTableWriter";
            assertEquals(List.of(
                "TOPCAT 4.8.7 lacks org.isosamp.table.FitsAscii (its supertype uk.ac.starlink.fits.StringEncoder is"
                    + " missing), used by org.isosamp.table.FitsAscii, org.isosamp.table.TableFiles",
                "TOPCAT 4.8.7 lacks " + writer + ".getUnicodeHandler()Luk/ac/starlink/fits/StringEncoder; (no such"
                    + " method in " + writer + " or its supertypes)" + by,
                "TOPCAT 4.8.7 lacks " + writer + ".setUnicodeHandler(Luk/ac/starlink/fits/StringEncoder;)V (no such"
                    + " method in " + writer + " or its supertypes)" + by,
                "TOPCAT 4.8.7 lacks uk.ac.starlink.fits.StringEncoder (no such class)" + by),
                PluginJarCheck.referenceProblems(ours, t, List.of()));
        }
    }

    // ---- references: classes made here, wrong on purpose ----

    @Test
    void wrongReferencesAreEachNamedWithTheClassThatMakesThem() throws IOException {
        Map<String, byte[]> ours = wrongClasses();
        String by = ", used by org.isosamp.fake.Caller";
        List<String> wrong = List.of( // each after the target's name
            " lacks org.astrogrid.samp.NoSuchClient (no such class)" + by,
            " lacks uk.ac.starlink.table.RowListStarTable.noSuchMethod()V (no such method in"
                + " uk.ac.starlink.table.RowListStarTable or its supertypes)" + by,
            " lacks uk.ac.starlink.table.StarTable.getRowCountPlease()J (no such method in"
                + " uk.ac.starlink.table.StarTable or its supertypes)" + by,
            " lacks uk.ac.starlink.table.Tables.NO_SUCH_INFO:Luk/ac/starlink/table/ValueInfo; (no such field in"
                + " uk.ac.starlink.table.Tables or its supertypes)" + by,
            ": org.isosamp.fake.HalfSink does not implement uk.ac.starlink.table.TableSink.acceptRow("
                + "[Ljava/lang/Object;)V, abstract there",
            ": org.isosamp.fake.HalfSink does not implement uk.ac.starlink.table.TableSink.endRows()V, abstract there");
        try (ClassPath cp = new ClassPath(PluginJarCheck.currentClassPath(), ours)) {
            // TOPCAT's own classes are not checked here: current TOPCAT's are not at hand
            Target t = new Target(PluginJarCheck.CURRENT, cp,
                                  PluginJarCheck.CHECKED.and(n -> !n.startsWith("uk/ac/starlink/topcat/")));
            assertEquals(wrong.stream().map(w -> PluginJarCheck.CURRENT + w).toList(),
                         PluginJarCheck.referenceProblems(ours, t, List.of()));
        }
        try (ClassPath cp = topcat(ours)) {
            List<String> want = new ArrayList<>(wrong);
            // what STIL 4.3 and JSAMP 1.3.9 have and TOPCAT 4.8.7's STIL 4.1.3 and JSAMP 1.3.7 lack (the known traps);
            // TOPCAT's own classes, against its jar
            want.add(" lacks uk.ac.starlink.fits.AbstractFitsTableWriter.getUnicodeHandler()"
                     + "Luk/ac/starlink/fits/StringEncoder; (no such method in"
                     + " uk.ac.starlink.fits.AbstractFitsTableWriter or its supertypes)" + by);
            want.add(" lacks uk.ac.starlink.fits.StringEncoder (no such class)" + by);
            want.add(" lacks uk.ac.starlink.table.gui.AbstractTableLoadDialog.addToolbarAction(Ljavax/swing/Action;)V"
                     + " (no such method in uk.ac.starlink.table.gui.AbstractTableLoadDialog or its supertypes)" + by);
            want.add(" lacks org.astrogrid.samp.xmlrpc.apache.ApacheClientFactory (no such class)" + by);
            want.add(" lacks uk.ac.starlink.topcat.ControlWindow.noSuchTable()V (no such method in"
                     + " uk.ac.starlink.topcat.ControlWindow or its supertypes)" + by);
            assertEquals(want.stream().map(w -> PluginJarCheck.TOPCAT_487 + w).sorted().toList(),
                         PluginJarCheck.referenceProblems(ours, new Target(PluginJarCheck.TOPCAT_487, cp,
                             PluginJarCheck.CHECKED), List.of()).stream().sorted().toList());
        }
    }

    @Test
    void aGuardedClassIsLoadedOnlyByItsGuardAndEveryEntryIsNeeded() throws IOException {
        Map<String, byte[]> ours = new TreeMap<>();
        ours.put("org/isosamp/fake/Fast", fastEncoder());
        ours.put("org/isosamp/fake/Guard", caller("org/isosamp/fake/Guard", "check"));
        ours.put("org/isosamp/fake/Careless", caller("org/isosamp/fake/Careless", "run"));
        Guarded fast = new Guarded(PluginJarCheck.TOPCAT_487, "org.isosamp.fake.Fast",
                                   "uk.ac.starlink.fits.StringEncoder", "org.isosamp.fake.Guard.check", "faster");
        Guarded stale = new Guarded(PluginJarCheck.CURRENT, "org.isosamp.fake.Fast",
                                    "uk.ac.starlink.fits.StringEncoder", "org.isosamp.fake.Guard.check", "faster");
        Guarded noGuard = new Guarded(PluginJarCheck.TOPCAT_487, "org.isosamp.fake.Fast",
                                      "uk.ac.starlink.fits.StringEncoder.<init>(Ljava/lang/String;)V",
                                      "org.isosamp.fake.Guard.nothing", "faster");
        assertEquals(List.of(
            "org.isosamp.fake.Careless.run refers to org.isosamp.fake.Fast, which only org.isosamp.fake.Guard.check,"
                + " org.isosamp.fake.Guard.nothing may load, behind its check",
            "no method org.isosamp.fake.Guard.nothing, the guard the allow-list names for org.isosamp.fake.Fast"),
            PluginJarCheck.unguardedUses(ours, List.of(fast, stale, noGuard)));
        try (ClassPath cp = new ClassPath(PluginJarCheck.currentClassPath(), ours)) {
            assertEquals(List.of("allow-list entry not needed on current STIL/JSAMP: org.isosamp.fake.Fast ->"
                                 + " uk.ac.starlink.fits.StringEncoder"),
                         PluginJarCheck.referenceProblems(ours, new Target(PluginJarCheck.CURRENT, cp,
                             PluginJarCheck.CHECKED), List.of(fast, stale)));
        }
        Assumptions.assumeTrue(PluginJarCheck.topcatClassPath(PluginJarCheck.TOPCAT_SCRIPT).isPresent(),
                               "TOPCAT 4.8.7 not installed (Debian: apt-get install topcat)");
        try (ClassPath cp = topcat(ours)) {
            // the guard may name Fast, Careless may not; the entry for StringEncoder covers its constructor
            assertEquals(List.of(
                "TOPCAT 4.8.7 lacks org.isosamp.fake.Fast (its supertype uk.ac.starlink.fits.StringEncoder is missing),"
                    + " used by org.isosamp.fake.Careless"),
                PluginJarCheck.referenceProblems(ours, new Target(PluginJarCheck.TOPCAT_487, cp,
                    PluginJarCheck.CHECKED), List.of(fast, stale)));
        }
    }

    @Test
    void topcatsClassPathIsTheJarItsScriptNamesAndThatJarsManifestClassPath() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("java"));
        jar(lib.resolve("starlink-topcat.jar"), "starlink-table.jar absent.jar");
        jar(lib.resolve("starlink-table.jar"), "starlink-util.jar");
        jar(lib.resolve("starlink-util.jar"), null);
        Path script = Files.writeString(dir.resolve("topcat"), "#!/bin/sh\n#  Locate the application jar file.\n"
            + "appjar=" + lib.resolve("starlink-topcat.jar") + "\nif test ! -f \"$appjar\"\n");
        assertEquals(Optional.of(List.of(lib.resolve("starlink-topcat.jar"), lib.resolve("starlink-table.jar"),
                                         lib.resolve("starlink-util.jar"))),
                     PluginJarCheck.topcatClassPath(script));
        assertEquals(Optional.empty(), PluginJarCheck.topcatClassPath(dir.resolve("no-topcat")));
    }

    // ---- helpers ----

    /** Our classes that the plug-in jar holds, from the build's class directory. */
    private static Map<String, byte[]> pluginClasses() throws IOException {
        Path classes;
        try {
            classes = Path.of(org.isosamp.table.TableFiles.class.getProtectionDomain().getCodeSource().getLocation()
                                  .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String entry = classes.relativize(f).toString().replace('\\', '/');
                if (entry.startsWith("org/isosamp/")
                    && PluginJarCheck.OURS_LEFT_OUT.stream().noneMatch(entry::startsWith)) {
                    out.put(entry.substring(0, entry.length() - ".class".length()), Files.readAllBytes(f));
                }
            }
        }
        assertTrue(out.containsKey("org/isosamp/table/TableFiles"), classes.toString());
        return out;
    }

    /**
     * TOPCAT 4.8.7's class path, then our classes; then this JVM's other libraries (OkHttp, nom-tam, ...), which the
     * plug-in jar carries relocated, so that our classes' supertypes among them resolve. Skips without TOPCAT.
     */
    private static ClassPath topcat(Map<String, byte[]> ours) throws IOException {
        Optional<List<Path>> topcat = PluginJarCheck.topcatClassPath(PluginJarCheck.TOPCAT_SCRIPT);
        Assumptions.assumeTrue(topcat.isPresent(), "TOPCAT 4.8.7 not installed (Debian: apt-get install topcat)");
        List<Path> path = new ArrayList<>(topcat.get());
        PluginJarCheck.currentClassPath().stream()
            .filter(p -> !p.toString().contains("/uk/ac/starlink/") && !p.toString().contains("/org/astrogrid/"))
            .forEach(path::add);
        return new ClassPath(path, ours);
    }

    private static Map<String, byte[]> wrongClasses() {
        Map<String, byte[]> out = new TreeMap<>();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/isosamp/fake/Caller", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run",
            "(Luk/ac/starlink/table/StarTable;Luk/ac/starlink/table/RowListStarTable;"
            + "Luk/ac/starlink/fits/AbstractFitsTableWriter;Luk/ac/starlink/table/gui/AbstractTableLoadDialog;)V",
            null, null);
        mv.visitCode();
        // resolve: declared, inherited from a STIL superclass, inherited from Object, a STIL field
        invoke(mv, Opcodes.INVOKEINTERFACE, "uk/ac/starlink/table/StarTable", "getRowCount", "()J", true);
        invoke(mv, Opcodes.INVOKEVIRTUAL, "uk/ac/starlink/table/RowListStarTable", "getParameters",
               "()Ljava/util/List;", false);
        invoke(mv, Opcodes.INVOKEVIRTUAL, "uk/ac/starlink/table/RowListStarTable", "hashCode", "()I", false);
        mv.visitFieldInsn(Opcodes.GETSTATIC, "uk/ac/starlink/table/Tables", "RA_INFO",
                          "Luk/ac/starlink/table/DefaultValueInfo;");
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "org/astrogrid/samp/SampUtils", "getLocalhost",
                           "()Ljava/lang/String;", false);
        // wrong everywhere
        invoke(mv, Opcodes.INVOKEINTERFACE, "uk/ac/starlink/table/StarTable", "getRowCountPlease", "()J", true);
        mv.visitFieldInsn(Opcodes.GETSTATIC, "uk/ac/starlink/table/Tables", "NO_SUCH_INFO",
                          "Luk/ac/starlink/table/ValueInfo;");
        mv.visitTypeInsn(Opcodes.NEW, "org/astrogrid/samp/NoSuchClient");
        mv.visitLdcInsn(new Handle(Opcodes.H_INVOKEVIRTUAL, "uk/ac/starlink/table/RowListStarTable", "noSuchMethod",
                                   "()V", false));
        // STIL 4.3 only (the known traps), and TOPCAT's own classes
        invoke(mv, Opcodes.INVOKEVIRTUAL, "uk/ac/starlink/fits/AbstractFitsTableWriter", "getUnicodeHandler",
               "()Luk/ac/starlink/fits/StringEncoder;", false);
        invoke(mv, Opcodes.INVOKEVIRTUAL, "uk/ac/starlink/table/gui/AbstractTableLoadDialog", "addToolbarAction",
               "(Ljavax/swing/Action;)V", false);
        mv.visitTypeInsn(Opcodes.NEW, "org/astrogrid/samp/xmlrpc/apache/ApacheClientFactory"); // JSAMP 1.3.9 only
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "uk/ac/starlink/topcat/ControlWindow", "getInstance",
                           "()Luk/ac/starlink/topcat/ControlWindow;", false);
        invoke(mv, Opcodes.INVOKEVIRTUAL, "uk/ac/starlink/topcat/ControlWindow", "noSuchTable", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        out.put("org/isosamp/fake/Caller", cw.toByteArray());

        // a TableSink that implements one of its three methods
        cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "org/isosamp/fake/HalfSink", null, "java/lang/Object",
                 new String[] {"uk/ac/starlink/table/TableSink"});
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "acceptMetadata", "(Luk/ac/starlink/table/StarTable;)V", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        out.put("org/isosamp/fake/HalfSink", cw.toByteArray());
        return out;
    }

    private static void invoke(MethodVisitor mv, int opcode, String owner, String name, String desc, boolean itf) {
        mv.visitMethodInsn(opcode, owner, name, desc, itf);
    }

    /** A StringEncoder subclass, as FitsAscii: {@code Fast extends StringEncoder}, {@code static install()}. */
    private static byte[] fastEncoder() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL, "org/isosamp/fake/Fast", null, "uk/ac/starlink/fits/StringEncoder",
                 null);
        MethodVisitor mv = cw.visitMethod(0, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitLdcInsn("ASCII");
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "uk/ac/starlink/fits/StringEncoder", "<init>",
                           "(Ljava/lang/String;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv = cw.visitMethod(Opcodes.ACC_STATIC, "install", "()V", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        for (String[] m : new String[][] {{"toBytes", "(Ljava/lang/String;)[B"},
                                          {"copyToBytes", "(Ljava/lang/String;[B)I"}}) {
            mv = cw.visitMethod(Opcodes.ACC_PUBLIC, m[0], m[1], null, null); // StringEncoder's abstract methods
            mv.visitCode();
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ATHROW);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class whose {@code method} calls {@code Fast.install()}. */
    private static byte[] caller(String name, String method) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, method, "()V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "org/isosamp/fake/Fast", "install", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void jar(Path file, String classPath) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.flush();
        }
    }
}
