package dev.restdatasource.backend;

import java.util.List;

/**
 * Thrown when MicroProfile Config settings are wrong, listing every problem found, not only the first. Each problem is
 * one message that starts with the full key at fault (e.g. {@code restdatasource.redis.command-timeout: 'soon' is not
 * a duration ...}); the exception's message is the problems joined with {@code "; "}, so a single problem is the
 * message itself. Thrown by {@link SettingsReader#throwIfProblems()} and by the backends' settings records (whose
 * problems start with the key without its prefix until {@link SettingsReader#check} adds it). Public for backend
 * authors. Immutable.
 */
public class InvalidSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /**
     * @param problems one message per problem, at least one
     */
    public InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidSettingsException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Throws an {@code InvalidSettingsException} of {@code problems} unless the list is empty. */
    public static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * Runs {@code check} and adds what it finds wrong to {@code problems}: each problem of an
     * {@code InvalidSettingsException}, or the message of another {@link IllegalArgumentException}. Lets a settings
     * record run all its checks before failing.
     */
    public static void collect(List<String> problems, Runnable check) {
        try {
            check.run();
        } catch (InvalidSettingsException wrong) {
            problems.addAll(wrong.problems());
        } catch (IllegalArgumentException wrong) {
            problems.add(wrong.getMessage());
        }
    }

    /** Returns one message per problem, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
