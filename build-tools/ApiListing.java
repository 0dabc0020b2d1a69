import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API check of the published modules (see CONTRIBUTING.md, "The API listing").
 *
 * <p>Reads a module's compiled classes by reflection and writes its API as plain sorted text: for each public or
 * protected type outside {@code internal} packages its kind, modifiers, type parameters, supertypes and every public
 * or protected member signature (members inherited from a non-public superclass included, since callers see them);
 * for packages with an {@code internal} segment only the names of their public types, so that a new public internal
 * class shows up in review too.
 *
 * <p>Compares that text with the committed listing and exits with status 1, printing a diff and the command that
 * accepts the change, when they differ; with {@code update} set to {@code true} it rewrites the listing instead.
 * Run by exec-maven-plugin in the {@code test} phase of each published module, with the JDK's source launcher:
 * {@code java ApiListing.java <classes dir> <compile classpath> <listing file> <artifactId> <module dir> <update>}.
 */
public final class ApiListing {

    private ApiListing() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java ApiListing.java <classes dir> <classpath> <listing file> <artifactId>"
                    + " <module dir> <update>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        String classpath = args[1];
        Path listingFile = Path.of(args[2]);
        String artifactId = args[3];
        String module = Path.of(args[4]).getFileName().toString();
        boolean update = Boolean.parseBoolean(args[5]);

        String current = listing(classes, classpath, artifactId);
        if (update) {
            Files.createDirectories(listingFile.getParent());
            Files.writeString(listingFile, current, StandardCharsets.UTF_8);
            System.out.println("[api-listing] wrote " + listingFile);
            return;
        }
        String accept = "mvn -pl " + module + " -am test -DskipTests -Dapi.update=true";
        if (!Files.exists(listingFile)) {
            System.out.println("[api-listing] FAILED: " + listingFile + " is missing. Create it with:\n    " + accept);
            System.exit(1);
        }
        String committed = Files.readString(listingFile, StandardCharsets.UTF_8);
        if (committed.equals(current)) {
            System.out.println("[api-listing] " + artifactId + ": public API matches " + listingFile);
            return;
        }
        System.out.println("[api-listing] FAILED: the public API of " + artifactId + " differs from the reviewed "
                + "listing " + listingFile + "\n[api-listing] (- reviewed listing, + compiled classes)");
        System.out.print(diff(lines(committed), lines(current)));
        System.out.println("[api-listing] If the change is intended, accept it and commit the listing with the code:\n"
                + "    " + accept);
        System.exit(1);
    }

    /** The listing text of the classes under {@code classes}, loaded with {@code classpath}. */
    static String listing(Path classes, String classpath, String artifactId) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        urls.add(0, classes.toUri().toURL());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(p -> classes.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.endsWith("module-info.class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        }
        TreeMap<String, List<String>> publicTypes = new TreeMap<>();
        TreeSet<String> internalTypes = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name + ": " + e, e);
                }
                if (!isVisible(type)) {
                    continue;
                }
                if (isInternal(type.getPackageName())) {
                    internalTypes.add(type.getTypeName());
                } else {
                    publicTypes.put(type.getTypeName(), describe(type));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Public API of ").append(artifactId).append(", generated from its classes by build-tools/")
                .append("ApiListing.java.\n# Review every change; see CONTRIBUTING.md (\"The API listing\").\n");
        for (List<String> type : publicTypes.values()) {
            out.append('\n');
            type.forEach(line -> out.append(line).append('\n'));
        }
        if (!internalTypes.isEmpty()) {
            out.append("\n# Public types in internal packages (names only; nobody outside the project may use them)\n");
            internalTypes.forEach(name -> out.append("internal ").append(name).append('\n'));
        }
        return out.toString();
    }

    /** A package is internal when one of its segments is {@code internal}. */
    static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    /** Public or protected, and so is every enclosing type; anonymous, local and synthetic classes are not. */
    static boolean isVisible(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!isApi(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** The header line of a type, then its members, indented and sorted. */
    static List<String> describe(Class<?> type) {
        List<String> lines = new ArrayList<>();
        lines.add(header(type));
        TreeSet<String> members = new TreeSet<>();
        // Members of non-public superclasses are callable through this type, so they are part of its API.
        for (Class<?> c = type; c != null && (c == type || !isVisible(c)); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (isApi(f.getModifiers()) && !f.isSynthetic()) {
                    members.add(modifiers(f.getModifiers(), f) + f.getGenericType().getTypeName() + " " + f.getName()
                            + from(type, c));
                }
            }
            if (c == type) {
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (isApi(k.getModifiers()) && !k.isSynthetic()) {
                        members.add(annotations(k) + modifiers(k.getModifiers(), k) + typeParameters(k)
                                + type.getSimpleName() + parameters(k) + exceptions(k));
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isApi(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    String defaultValue = m.getDefaultValue() == null ? "" : " default " + defaultValue(m);
                    members.add(annotations(m) + modifiers(m.getModifiers(), m) + typeParameters(m)
                            + m.getGenericReturnType().getTypeName() + " " + m.getName() + parameters(m)
                            + exceptions(m) + defaultValue + from(type, c));
                }
            }
        }
        members.forEach(member -> lines.add("    " + member));
        return lines;
    }

    static String from(Class<?> type, Class<?> declaring) {
        return type == declaring ? "" : "  (from " + declaring.getTypeName() + ")";
    }

    static String header(Class<?> type) {
        StringBuilder h = new StringBuilder(annotations(type));
        int mods = type.getModifiers();
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isEnum()) {
            kind = "enum";
            mods &= ~(Modifier.FINAL | Modifier.ABSTRACT);
        } else if (type.isRecord()) {
            kind = "record";
            mods &= ~Modifier.FINAL;
        } else {
            kind = "class";
        }
        if (type.isMemberClass() && (type.isInterface() || type.isEnum() || type.isRecord())) {
            mods &= ~Modifier.STATIC;
        }
        h.append(Modifier.toString(mods));
        if (type.isSealed()) {
            h.append(" sealed");
        }
        h.append(' ').append(kind).append(' ').append(type.getTypeName()).append(typeParameters(type));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            h.append(" extends ").append(superclass.getTypeName());
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces()).map(Type::getTypeName)
                .filter(n -> !type.isAnnotation() || !n.equals("java.lang.annotation.Annotation"))
                .collect(Collectors.toList());
        if (!interfaces.isEmpty()) {
            h.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed()) {
            h.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getTypeName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return h.toString();
    }

    static String modifiers(int mods, Member member) {
        if (member instanceof Field) {
            mods &= Modifier.fieldModifiers() & ~(Modifier.VOLATILE | Modifier.TRANSIENT);
        } else if (member instanceof Constructor) {
            mods &= Modifier.constructorModifiers();
        } else {
            mods &= Modifier.methodModifiers() & ~(Modifier.SYNCHRONIZED | Modifier.NATIVE | Modifier.STRICT);
        }
        if (member.getDeclaringClass().isInterface()) {
            mods &= ~(Modifier.PUBLIC | Modifier.ABSTRACT);
            if (member instanceof Field) {
                mods &= ~(Modifier.STATIC | Modifier.FINAL);
            }
            if (member instanceof Method method && method.isDefault()) {
                return "default ";
            }
        }
        String text = Modifier.toString(mods);
        return text.isEmpty() ? "" : text + " ";
    }

    static String typeParameters(GenericDeclaration declaration) {
        TypeVariable<?>[] variables = declaration.getTypeParameters();
        if (variables.length == 0) {
            return "";
        }
        String text = Arrays.stream(variables).map(v -> {
            List<String> bounds = Arrays.stream(v.getBounds()).map(Type::getTypeName)
                    .filter(b -> !b.equals("java.lang.Object")).collect(Collectors.toList());
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
        return declaration instanceof Class ? text : text + " ";
    }

    static String parameters(Executable executable) {
        Type[] types = executable.getGenericParameterTypes();
        if (types.length != executable.getParameterCount()) {
            // Inner-class constructors and enum constructors: the generic signature leaves out synthetic parameters.
            types = executable.getParameterTypes();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = types[i].getTypeName();
            if (i == types.length - 1 && executable.isVarArgs() && name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    static String exceptions(Executable executable) {
        Type[] thrown = executable.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return " throws " + Arrays.stream(thrown).map(Type::getTypeName).sorted().collect(Collectors.joining(", "));
    }

    /** Runtime-visible annotations by type name only (their toString differs between JDK versions). */
    static String annotations(java.lang.reflect.AnnotatedElement element) {
        return Arrays.stream(element.getDeclaredAnnotations())
                .map(a -> "@" + a.annotationType().getTypeName() + " ")
                .sorted()
                .collect(Collectors.joining());
    }

    static String defaultValue(Method m) {
        Object value = m.getDefaultValue();
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                items.add(String.valueOf(java.lang.reflect.Array.get(value, i)));
            }
            return items.stream().collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof Class<?> c) {
            return c.getTypeName() + ".class";
        }
        return String.valueOf(value);
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    /** A unified-style diff of two line lists (longest common subsequence), three lines of context per change. */
    static String diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add("+ " + b.get(j));
                j++;
            } else {
                ops.add("- " + a.get(i));
                i++;
            }
        }
        // Show every line within three lines of a change; "..." stands for the unchanged lines between.
        boolean[] shown = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).startsWith("  ")) {
                for (int x = Math.max(0, k - 3); x <= Math.min(ops.size() - 1, k + 3); x++) {
                    shown[x] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < ops.size(); k++) {
            if (shown[k]) {
                out.append(ops.get(k)).append('\n');
            } else if (k > 0 && shown[k - 1]) {
                out.append("  ...\n");
            }
        }
        return out.toString();
    }
}
