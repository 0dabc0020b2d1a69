package dev.restdatasource.internal.json;

/**
 * Whether JSON-B is on the class path, found without touching a JSON-B type. The classes that call {@link Json} ask
 * this first, so that {@link Json} (which refers to JSON-B) is loaded only when a body is really read or written as
 * JSON: a data source in a plain {@code main} without JSON-B works as long as no JSON is involved, and a call that
 * needs JSON fails with a message naming the missing dependency instead of a {@link NoClassDefFoundError}.
 *
 * <p>Keep every JSON-B reference (imports, {@code catch} clauses, signatures) out of this class and out of the
 * classes every call loads (the pipeline's steps, {@code Engine}): a {@code catch} of a JSON-B exception alone makes
 * the JVM load that exception when it verifies the class.
 */
public final class JsonBinding {
    /** The message of a call that needs JSON while no JSON-B is on the class path. */
    static final String MISSING = "No JSON-B implementation found: Jakarta EE servers provide one; "
            + "elsewhere add org.eclipse:yasson to the class path (needed only to read or write JSON bodies)";

    private JsonBinding() {
    }

    private static final class Presence {
        static final boolean PRESENT = probe();

        private static boolean probe() {
            try {
                Class.forName("jakarta.json.bind.JsonbBuilder", false, JsonBinding.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError absent) {
                return false;
            }
        }
    }

    /** Returns whether the JSON-B API is visible to this library's class loader (asked once, then remembered). */
    public static boolean present() {
        return Presence.PRESENT;
    }

    /**
     * Returns normally when the JSON-B API is on the class path; otherwise throws an {@link IllegalStateException}
     * that names the dependency to add.
     */
    public static void require() {
        if (!present()) {
            throw new IllegalStateException(MISSING);
        }
    }
}
