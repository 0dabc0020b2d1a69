package dev.restdatasource.internal.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a {@code main} in a JVM of its own (this JVM's {@code java}) and collects what it prints. */
public final class ChildJvm {
    /** How the child ended: whether it exited before the deadline, its exit value, and its output (stdout and stderr). */
    public record Result(boolean exited, int exitValue, String output) {
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code java <jvmOptions> mainClass <args>}; a child still running after {@code minutes} is killed and
     * reported as not exited.
     */
    public static Result run(List<String> jvmOptions, String mainClass, List<String> args, long minutes)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(child.getInputStream(), output));
        reader.setDaemon(true);
        reader.start();
        boolean exited = child.waitFor(minutes, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return new Result(exited, exited ? child.exitValue() : -1, output.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
