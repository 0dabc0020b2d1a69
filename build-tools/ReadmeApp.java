import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The README's "Use it in your project" check: writes the section's tagged code blocks (a fence whose info string
 * holds {@code file=<path>}) into a new Maven project, builds it with a separate Maven run, as a user would, and
 * checks that each WAR holds the generated error-code classes. The server suites then deploy the WARs.
 *
 * <p>Four builds, each {@code mvn package}: {@code readme.war} (the project as written, for Open Liberty),
 * {@code readme-wildfly.war} ({@code -Pwildfly}), and the same two with {@code restdatasource-impl} at
 * {@code runtime} scope and {@code restdatasource-api} at {@code compile} ({@code runtime-scope.war},
 * {@code runtime-scope-wildfly.war}): the packaging that once lost the error codes without a word.
 *
 * <p>The nested build uses a local repository of its own ({@code <repo>}), so the user's {@code ~/.m2} never gets
 * this tree's snapshots: the parent, BOM, api and impl are copied there as if installed, everything else comes
 * from {@code ~/.m2/repository} read as a file repository (and from Maven Central, unless the outer build is
 * offline), so that after a first run it works offline.
 *
 * <p>{@code java ReadmeApp.java <README.md> <out dir> <repo> <maven home> offline=<true or false> <root dir> <version>}
 */
public final class ReadmeApp {
    private static final String SECTION = "## Use it in your project";
    private static final Pattern FENCE = Pattern.compile("^```\\w*\\s+file=(\\S+)\\s*$");
    private static final String GENERATED_CLASS = "WEB-INF/classes/dev/restdatasource/graphql/codes/Unauthenticated.class";

    private ReadmeApp() {
    }

    /** Extracts, builds and checks; exits with status 1 on the first failure. */
    public static void main(String[] args) throws Exception {
        Path readme = Path.of(args[0]);
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        Path repo = Path.of(args[2]).toAbsolutePath().normalize();
        Path mavenHome = Path.of(args[3]);
        boolean offline = args[4].equals("offline=true");
        Path root = Path.of(args[5]).toAbsolutePath().normalize();
        String version = args[6];

        Map<String, String> files = blocks(Files.readString(readme, StandardCharsets.UTF_8));
        String pom = files.get("pom.xml");
        if (pom == null || files.keySet().stream().noneMatch(f -> f.endsWith(".java"))) {
            fail("the README section '" + SECTION + "' must have a block tagged file=pom.xml and Java blocks; found " + files.keySet());
        }
        Path app = write(out.resolve("app"), files);
        Map<String, String> runtimeScope = new LinkedHashMap<>(files);
        runtimeScope.put("pom.xml", implAtRuntimeScope(pom));
        Path runtimeApp = write(out.resolve("app-runtime-scope"), runtimeScope);

        installReactorArtifacts(root, repo, version);
        Path settings = settings(out, repo);
        build(mavenHome, settings, offline, app, false, out.resolve("readme.war"));
        build(mavenHome, settings, offline, app, true, out.resolve("readme-wildfly.war"));
        build(mavenHome, settings, offline, runtimeApp, false, out.resolve("runtime-scope.war"));
        build(mavenHome, settings, offline, runtimeApp, true, out.resolve("runtime-scope-wildfly.war"));
        System.out.println("[readme-app] built the README's application: " + files.keySet());
    }

    /** Returns the tagged blocks of the section, file path to content, in README order. */
    static Map<String, String> blocks(String readme) {
        int start = readme.indexOf("\n" + SECTION + "\n");
        if (start < 0) {
            fail("README.md has no section '" + SECTION + "'");
        }
        int end = readme.indexOf("\n## ", start + SECTION.length() + 1);
        String[] lines = readme.substring(start, end < 0 ? readme.length() : end).split("\n", -1);
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            if (m.matches()) {
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                    text.append(lines[i]).append('\n');
                }
                if (files.put(m.group(1), text.toString()) != null) {
                    fail("two README blocks are tagged file=" + m.group(1));
                }
            }
        }
        return files;
    }

    /** The README's pom with restdatasource-impl at runtime scope and restdatasource-api at compile scope. */
    static String implAtRuntimeScope(String pom) {
        Matcher m = Pattern.compile("( *)<dependency>\\s*<groupId>dev\\.restdatasource</groupId>\\s*"
                + "<artifactId>restdatasource-impl</artifactId>\\s*</dependency>").matcher(pom);
        if (!m.find()) {
            fail("the README's pom.xml has no dependency on restdatasource-impl without version and scope");
        }
        String indent = m.group(1);
        String replacement = indent + "<dependency>\n" + indent + "  <groupId>dev.restdatasource</groupId>\n"
                + indent + "  <artifactId>restdatasource-api</artifactId>\n" + indent + "</dependency>\n"
                + indent + "<dependency>\n" + indent + "  <groupId>dev.restdatasource</groupId>\n"
                + indent + "  <artifactId>restdatasource-impl</artifactId>\n" + indent + "  <scope>runtime</scope>\n"
                + indent + "</dependency>";
        return pom.substring(0, m.start()) + replacement + pom.substring(m.end());
    }

    private static Path write(Path dir, Map<String, String> files) throws IOException {
        deleteTree(dir);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey()).normalize();
            if (!target.startsWith(dir)) {
                fail("a README block's file= leaves the project: " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** Copies the parent and BOM poms and the api and impl jars into {@code repo}, laid out as {@code mvn install} does. */
    private static void installReactorArtifacts(Path root, Path repo, String version) throws IOException {
        install(repo, "restdatasource-parent", version, root.resolve("pom.xml"), null);
        install(repo, "restdatasource-bom", version, root.resolve("bom/pom.xml"), null);
        for (String module : List.of("api", "impl")) {
            String artifactId = "restdatasource-" + module;
            Path jar = root.resolve(module).resolve("target").resolve(artifactId + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                fail(jar + " is missing: build " + module + " first (package phase)");
            }
            install(repo, artifactId, version, root.resolve(module).resolve("pom.xml"), jar);
        }
    }

    private static void install(Path repo, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("dev/restdatasource").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A settings file: the private local repository, and ~/.m2/repository as a (release) file repository. */
    private static Path settings(Path out, Path repo) throws IOException {
        String userRepo = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        String repository = "<id>user-m2</id><url>" + userRepo + "</url><snapshots><enabled>false</enabled></snapshots>";
        String xml = "<settings>\n"
                + "  <localRepository>" + repo.toAbsolutePath() + "</localRepository>\n"
                + "  <profiles><profile><id>user-m2</id>\n"
                + "    <repositories><repository>" + repository + "</repository></repositories>\n"
                + "    <pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>\n"
                + "  </profile></profiles>\n"
                + "  <activeProfiles><activeProfile>user-m2</activeProfile></activeProfiles>\n"
                + "</settings>\n";
        Path file = out.resolve("settings.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    private static void build(Path mavenHome, Path settings, boolean offline, Path app, boolean wildfly, Path war)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenHome.resolve("bin").resolve("mvn").toString(), "-B", "-ntp", "-q",
                "-s", settings.toString(), "-f", app.resolve("pom.xml").toString(), "package"));
        if (wildfly) {
            command.add("-Pwildfly");
        }
        if (offline) {
            command.add("-o");
            command.add("-Daether.offline.protocols=file"); // ~/.m2 as a file repository stays readable offline
        }
        deleteTree(app.resolve("target"));
        System.out.println("[readme-app] " + String.join(" ", command));
        Process process = new ProcessBuilder(command).directory(app.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            fail("the README's application did not build: " + String.join(" ", command));
        }
        Files.copy(app.resolve("target/movies.war"), war, StandardCopyOption.REPLACE_EXISTING);
        try (ZipFile zip = new ZipFile(war.toFile())) {
            if (zip.getEntry(GENERATED_CLASS) == null) {
                fail(war + " lacks " + GENERATED_CLASS + ": GraphQL clients would get the code 'data-source'");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void fail(String message) {
        System.err.println("[readme-app] " + message);
        System.exit(1);
    }
}
