package org.isosamp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The references iso-samp's classes make into other libraries (classes, methods with their descriptors, fields),
 * read from the bytecode with ASM, and whether each resolves against another set of jars, also read with ASM and
 * never loaded: the JVM that runs this has STIL 4.3.5 on its own class path, so {@code Class.forName} would answer
 * for the wrong version. Resolution follows the JVM's (JVMS 5.4.3): a member is looked up in the named class, its
 * superclasses and all its superinterfaces; every class on the way must exist. A concrete class of ours must also
 * implement every abstract method its library supertypes have there, or calling it throws
 * {@link AbstractMethodError}. JDK classes are read from the running JDK. Not thread-safe.
 */
final class ApiReferences {

    private ApiReferences() {
    }

    /** What a reference names. */
    enum Kind { CLASS, METHOD, FIELD }

    /**
     * One reference, as the JVM resolves it when linking.
     *
     * @param kind  class, method or field
     * @param owner the class's internal name ({@code uk/ac/starlink/table/StarTable})
     * @param name  the member's name; empty for a class
     * @param desc  the member's descriptor; empty for a class
     */
    record Ref(Kind kind, String owner, String name, String desc) implements Comparable<Ref> {

        static Ref type(String owner) {
            return new Ref(Kind.CLASS, owner, "", "");
        }

        /**
         * @return as the failure message and the allow-list write it: {@code a.b.C}, {@code a.b.C.m(I)V},
         *         {@code a.b.C.f:J}
         */
        @Override
        public String toString() {
            String c = owner.replace('/', '.');
            return switch (kind) {
                case CLASS -> c;
                case METHOD -> c + "." + name + desc;
                case FIELD -> c + "." + name + ":" + desc;
            };
        }

        @Override
        public int compareTo(Ref o) {
            return toString().compareTo(o.toString());
        }
    }

    /**
     * Collects the references that classes make into the packages of interest.
     *
     * @param classes    our classes, internal name to bytecode
     * @param ofInterest which internal class names count
     * @return each reference, with the internal names of the classes that make it
     */
    static Map<Ref, SortedSet<String>> collect(Map<String, byte[]> classes, Predicate<String> ofInterest) {
        return collect(classes, ofInterest, false);
    }

    /**
     * Collects the references that classes make into the packages of interest, with where each is made.
     *
     * @param classes    our classes, internal name to bytecode
     * @param ofInterest which internal class names count
     * @param bySite     true: each user is {@code internal/Name.method} (the method whose code or signature makes
     *                   it, or {@code internal/Name.} for the class's supertypes and fields); false: the class
     * @return each reference, with who makes it
     */
    static Map<Ref, SortedSet<String>> collect(Map<String, byte[]> classes, Predicate<String> ofInterest,
                                               boolean bySite) {
        Map<Ref, SortedSet<String>> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Collector v = new Collector(ofInterest);
            new ClassReader(c.getValue()).accept(v, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            v.refs.forEach((r, sites) -> {
                SortedSet<String> users = out.computeIfAbsent(r, k -> new TreeSet<>());
                if (bySite) {
                    sites.forEach(site -> users.add(c.getKey() + "." + site));
                } else {
                    users.add(c.getKey());
                }
            });
        }
        return out;
    }

    /** Everything in a class file the JVM resolves: supertypes, signatures, instructions' owners and types. */
    private static final class Collector extends ClassVisitor {
        private final Predicate<String> ofInterest;
        private final Map<Ref, Set<String>> refs = new HashMap<>(); // each with the methods making it
        private String site = "";

        Collector(Predicate<String> ofInterest) {
            super(Opcodes.ASM9);
            this.ofInterest = ofInterest;
        }

        private void add(Ref r) {
            refs.computeIfAbsent(r, k -> new TreeSet<>()).add(site);
        }

        private void type(String internalOrArray) {
            if (internalOrArray == null) {
                return;
            }
            if (internalOrArray.startsWith("[")) {
                desc(internalOrArray);
            } else if (ofInterest.test(internalOrArray)) {
                add(Ref.type(internalOrArray));
            }
        }

        private void desc(String desc) {
            Type t = Type.getType(desc);
            switch (t.getSort()) {
                case Type.METHOD -> {
                    for (Type a : t.getArgumentTypes()) {
                        desc(a.getDescriptor());
                    }
                    desc(t.getReturnType().getDescriptor());
                }
                case Type.ARRAY -> desc(t.getElementType().getDescriptor());
                case Type.OBJECT -> type(t.getInternalName());
                default -> { }
            }
        }

        private void member(Kind kind, String owner, String name, String desc) {
            desc(desc);
            if (owner.startsWith("[")) { // clone() or an Object method on an array: only the element type links
                desc(owner);
            } else if (ofInterest.test(owner)) {
                add(Ref.type(owner));
                add(new Ref(kind, owner, name, desc));
            }
        }

        private void constant(Object value) {
            if (value instanceof Type t) {
                desc(t.getDescriptor());
            } else if (value instanceof Handle h) {
                member(h.getTag() <= Opcodes.H_PUTSTATIC ? Kind.FIELD : Kind.METHOD, h.getOwner(), h.getName(),
                       h.getDesc());
            } else if (value instanceof ConstantDynamic d) {
                desc(d.getDescriptor());
                constant(d.getBootstrapMethod());
                for (int i = 0; i < d.getBootstrapMethodArgumentCount(); i++) {
                    constant(d.getBootstrapMethodArgument(i));
                }
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            site = "";
            type(superName);
            for (String i : interfaces) {
                type(i);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
            site = "";
            desc(desc);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                                         String[] exceptions) {
            site = name; // ASM visits a method's code before the next member
            desc(desc);
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(e);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String name, String desc) {
                    member(Kind.FIELD, owner, name, desc);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
                    member(Kind.METHOD, owner, name, desc);
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
                    desc(desc);
                    constant(bsm);
                    for (Object a : args) {
                        constant(a);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    desc(desc);
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                                               org.objectweb.asm.Label handler, String type) {
                    type(type);
                }
            };
        }
    }

    /**
     * What resolution needs of one class.
     *
     * @param name       internal name
     * @param access     its access flags
     * @param superName  its superclass, null for {@code java/lang/Object}
     * @param interfaces its direct superinterfaces
     * @param methods    name + descriptor of each declared method, to its access flags
     * @param fields     name + ":" + descriptor of each declared field
     */
    record ClassInfo(String name, int access, String superName, List<String> interfaces,
                     Map<String, Integer> methods, Set<String> fields) {

        static ClassInfo read(byte[] bytes) {
            ClassReader r = new ClassReader(bytes);
            Map<String, Integer> methods = new HashMap<>();
            Set<String> fields = new HashSet<>();
            r.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    methods.put(name + desc, access);
                    return null;
                }

                @Override
                public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                    fields.add(name + ":" + desc);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return new ClassInfo(r.getClassName(), r.getAccess(), r.getSuperName(), List.of(r.getInterfaces()),
                                 methods, fields);
        }

        boolean isInterface() {
            return (access & Opcodes.ACC_INTERFACE) != 0;
        }

        boolean isAbstract() {
            return (access & Opcodes.ACC_ABSTRACT) != 0;
        }
    }

    /**
     * A class path to resolve against: the running JDK's classes first (what any JVM runs the library on), then
     * jars and class directories in order, the first holding a class winning, as the JVM's application class loader
     * does. Nothing is loaded.
     */
    static final class ClassPath implements Closeable {
        private final List<Path> entries;
        private final List<JarFile> jars = new ArrayList<>();
        private final Map<String, Object> where = new HashMap<>(); // entry name -> JarFile or class directory
        private final Map<String, Optional<ClassInfo>> cache = new HashMap<>();
        private final Map<String, byte[]> after;

        /**
         * @param entries jars and class directories, in search order
         * @param after   classes searched last, internal name to bytecode (ours, from the plug-in jar, which comes
         *                after TOPCAT's jars)
         */
        ClassPath(List<Path> entries, Map<String, byte[]> after) throws IOException {
            this.entries = List.copyOf(entries);
            this.after = Map.copyOf(after);
            for (Path p : entries) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> files = Files.walk(p)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> where.putIfAbsent(p.relativize(f).toString().replace('\\', '/'), p));
                    }
                } else if (Files.isRegularFile(p)) {
                    JarFile jar = new JarFile(p.toFile());
                    jars.add(jar);
                    for (ZipEntry e : Collections.list(jar.entries())) {
                        if (e.getName().endsWith(".class")) {
                            where.putIfAbsent(e.getName(), jar);
                        }
                    }
                }
            }
        }

        /** @return the entries given (jars and directories; absent ones are skipped, as the JVM skips them) */
        List<Path> entries() {
            return entries;
        }

        /** @return the class, or empty when neither the JDK nor the class path has it */
        Optional<ClassInfo> info(String internalName) {
            return cache.computeIfAbsent(internalName, this::read);
        }

        private Optional<ClassInfo> read(String internalName) {
            String entry = internalName + ".class";
            try {
                // the platform loader sees the JDK's modules and never the application class path
                try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(entry)) {
                    if (in != null) {
                        return Optional.of(ClassInfo.read(in.readAllBytes()));
                    }
                }
                Object source = where.get(entry);
                if (source instanceof JarFile jar) {
                    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                        return Optional.of(ClassInfo.read(in.readAllBytes()));
                    }
                } else if (source instanceof Path dir) {
                    return Optional.of(ClassInfo.read(Files.readAllBytes(dir.resolve(entry))));
                }
                return Optional.ofNullable(after.get(internalName)).map(ClassInfo::read);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + entry + " from " + entries, e);
            }
        }

        /**
         * @return null when the reference resolves; else why not ({@code no such method}, or the class missing
         *         on the way)
         */
        String unresolved(Ref ref) {
            if (info(ref.owner()).isEmpty()) {
                return ref.kind() == Kind.CLASS ? "no such class" : "no class " + ref.owner().replace('/', '.');
            }
            // resolving a member first resolves its class, which loads every supertype (JVMS 5.3.5)
            String missing = missingSupertype(ref.owner());
            if (missing != null) {
                return "its supertype " + missing + " is missing";
            }
            if (ref.kind() == Kind.CLASS) {
                return null;
            }
            String key = ref.kind() == Kind.METHOD ? ref.name() + ref.desc() : ref.name() + ":" + ref.desc();
            Deque<String> todo = new ArrayDeque<>(List.of(ref.owner()));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String t = todo.pop();
                if (!seen.add(t)) {
                    continue;
                }
                ClassInfo ci = info(t).orElseThrow(); // all there: missingSupertype said so
                if (ref.kind() == Kind.METHOD ? ci.methods().containsKey(key) : ci.fields().contains(key)) {
                    return null;
                }
                if (ci.superName() != null) {
                    todo.add(ci.superName());
                }
                todo.addAll(ci.interfaces());
            }
            return "no such " + (ref.kind() == Kind.METHOD ? "method" : "field") + " in "
                   + ref.owner().replace('/', '.') + " or its supertypes";
        }

        private String missingSupertype(String name) {
            for (String t : supertypes(name)) {
                if (info(t).isEmpty()) {
                    return t.replace('/', '.');
                }
            }
            return null;
        }

        /** @return the class and all its supertypes, superclasses first, each once (missing ones included) */
        List<String> supertypes(String name) {
            Map<String, Boolean> out = new LinkedHashMap<>();
            List<String> interfaces = new ArrayList<>();
            for (String c = name; c != null; ) {
                out.put(c, true);
                Optional<ClassInfo> ci = info(c);
                if (ci.isEmpty()) {
                    break;
                }
                interfaces.addAll(ci.get().interfaces());
                c = ci.get().superName();
            }
            Deque<String> todo = new ArrayDeque<>(interfaces);
            while (!todo.isEmpty()) {
                String i = todo.pop();
                if (out.putIfAbsent(i, true) == null) {
                    info(i).ifPresent(ci -> todo.addAll(ci.interfaces()));
                }
            }
            return new ArrayList<>(out.keySet());
        }

        /**
         * @param name       one of our concrete classes
         * @param ofInterest the supertypes whose abstract methods count
         * @return the abstract methods of those supertypes that nothing in the class's hierarchy implements
         */
        List<Ref> unimplemented(String name, Predicate<String> ofInterest) {
            Optional<ClassInfo> self = info(name);
            if (self.isEmpty() || self.get().isInterface() || self.get().isAbstract()) {
                return List.of();
            }
            Set<String> concrete = new HashSet<>();
            Map<String, String> wanted = new TreeMap<>(); // name+desc -> owner
            for (String t : supertypes(name)) {
                Optional<ClassInfo> ci = info(t);
                if (ci.isEmpty()) {
                    continue; // reported as a missing class
                }
                for (Map.Entry<String, Integer> m : ci.get().methods().entrySet()) {
                    int acc = m.getValue();
                    if ((acc & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0 || m.getKey().startsWith("<")) {
                        continue;
                    }
                    if ((acc & Opcodes.ACC_ABSTRACT) == 0) {
                        concrete.add(m.getKey());
                    } else if (ofInterest.test(t)) {
                        wanted.putIfAbsent(m.getKey(), t);
                    }
                }
            }
            List<Ref> out = new ArrayList<>();
            wanted.forEach((m, owner) -> {
                if (!concrete.contains(m)) {
                    int paren = m.indexOf('(');
                    out.add(new Ref(Kind.METHOD, owner, m.substring(0, paren), m.substring(paren)));
                }
            });
            return out;
        }

        @Override
        public void close() throws IOException {
            for (JarFile j : jars) {
                j.close();
            }
        }
    }

    /**
     * A jar and, depth first, the jars its manifest's {@code Class-Path} names (URLs relative to its own), as the
     * JVM's application class loader follows them; absent ones are left out, as the JVM leaves them.
     *
     * @param jar the first jar
     * @return the jars in search order
     */
    static List<Path> withManifestClassPath(Path jar) throws IOException {
        List<Path> out = new ArrayList<>();
        addWithManifestClassPath(jar, out);
        return out;
    }

    private static void addWithManifestClassPath(Path jar, List<Path> out) throws IOException {
        if (out.contains(jar) || !Files.isRegularFile(jar)) {
            return;
        }
        out.add(jar);
        String cp;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            cp = mf == null ? null : mf.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
        if (cp != null) {
            for (String e : cp.trim().split("\\s+")) {
                if (!e.isEmpty()) { // a URL, relative to the jar's (Debian's) or absolute (surefire's booter jar)
                    addWithManifestClassPath(Path.of(jar.toUri().resolve(e)), out);
                }
            }
        }
    }
}
