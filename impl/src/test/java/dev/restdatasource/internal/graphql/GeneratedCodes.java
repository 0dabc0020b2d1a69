package dev.restdatasource.internal.graphql;

import dev.restdatasource.DataSourceException;
import dev.restdatasource.internal.codegen.ErrorCodeClasses;
import dev.restdatasource.internal.codegen.ErrorCodeProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles application sources in-process with javac, the way an application's build does: the processor is found
 * through {@code META-INF/services} on the given classpath. Also compiles, once per JVM, a tiny application with a
 * {@code @GraphQLApi} and hands out a class loader that has its generated error-code classes.
 */
public final class GeneratedCodes {
    private static Path generated;

    private GeneratedCodes() {
    }

    /** The result of one compilation. */
    public record Compilation(boolean success, Path classes, Path sources, List<Diagnostic<? extends JavaFileObject>> diagnostics,
            String output) {
        /** Returns the notes, warnings and errors as text, one per line. */
        public String messages() {
            StringBuilder text = new StringBuilder(output);
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                text.append(d.getKind()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
            }
            return text.toString();
        }

        /** Returns the class files written under {@code dev/restdatasource/graphql/codes}, by simple name. */
        public List<String> generatedClasses() {
            Path dir = classes.resolve(ErrorCodeClasses.PACKAGE.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length())).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The location (jar or directory) that holds {@code type}. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The classpath of an application that compiles against restdatasource-api only (impl at runtime scope, as users
     * package it): api (with the processor's service file), the MicroProfile GraphQL API, and SmallRye's GraphQL API (with its one dependency) when {@code withSmallRye}.
     */
    public static List<Path> classpath(boolean withSmallRye) {
        List<Path> path = new ArrayList<>(List.of(locationOf(DataSourceException.class), locationOf(ErrorCodeProcessor.class),
                locationOf(org.eclipse.microprofile.graphql.GraphQLApi.class)));
        if (withSmallRye) {
            path.add(locationOf(io.smallrye.graphql.api.ErrorCode.class));
            path.add(locationOf(io.smallrye.common.annotation.Experimental.class)); // its dependency
        }
        return path;
    }

    /** Compiles {@code sources} (file name → text) against {@code classpath}, as javac with implicit processing. */
    public static Compilation compile(Map<String, String> sources, List<Path> classpath) throws IOException {
        Path root = Files.createTempDirectory("restdatasource-apt");
        Path src = Files.createDirectories(root.resolve("src"));
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path generatedSources = Files.createDirectories(root.resolve("generated"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-d", classes.toString(), "-s", generatedSources.toString(),
                    "-classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                    "-Xlint:all,-processing", "-Werror");
            boolean ok = javac.getTask(output, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            return new Compilation(ok, classes, generatedSources, diagnostics.getDiagnostics(), output.toString());
        }
    }

    /** A tiny application: one {@code @GraphQLApi} class. */
    public static Map<String, String> application() {
        return Map.of("app/MovieQueries.java", """
                package app;

                @org.eclipse.microprofile.graphql.GraphQLApi
                public class MovieQueries {
                    @org.eclipse.microprofile.graphql.Query
                    public String hello() {
                        return "hello";
                    }
                }
                """);
    }

    /** Returns the classes directory of {@link #application()} compiled with SmallRye's API, compiled once per JVM. */
    public static synchronized Path generatedClasses() throws IOException {
        if (generated == null) {
            Compilation c = compile(application(), classpath(true));
            if (!c.success() || c.generatedClasses().isEmpty()) {
                throw new IllegalStateException("the test application did not compile:\n" + c.messages());
            }
            generated = c.classes();
        }
        return generated;
    }

    /** Runs {@code work} with {@code loader} as the thread context class loader, as an application server would. */
    public static <T> T withContextClassLoader(ClassLoader loader, java.util.concurrent.Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Returns a class loader over the generated classes whose parent is this test's class loader. */
    public static URLClassLoader loaderWithGeneratedClasses() throws IOException {
        URL url = generatedClasses().toUri().toURL();
        return new URLClassLoader("restdatasource-generated-codes", new URL[] {url}, GeneratedCodes.class.getClassLoader());
    }
}
