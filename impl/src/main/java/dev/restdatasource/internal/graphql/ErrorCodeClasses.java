package dev.restdatasource.internal.graphql;

import java.util.Locale;

/**
 * Names the exception classes that {@link ErrorCodeProcessor} generates into an application, one per GraphQL error
 * code: code {@code NOT_FOUND} becomes {@code dev.restdatasource.graphql.codes.NotFound}. The processor and
 * {@link GraphQLErrorMapper} share this rule, so neither needs the other's classes.
 *
 * <p>No class of the library lives in {@value #PACKAGE}: that package belongs to the generated classes, which sit
 * in the application's own {@code WEB-INF/classes}, where SmallRye GraphQL reads their {@code @ErrorCode}.
 */
final class ErrorCodeClasses {
    /** The package of the generated classes. */
    public static final String PACKAGE = "dev.restdatasource.graphql.codes";

    private ErrorCodeClasses() {
    }

    /** Returns the simple class name for {@code code}: {@code UPSTREAM_ERROR} → {@code UpstreamError}. */
    public static String simpleName(String code) {
        StringBuilder name = new StringBuilder(code.length());
        boolean upper = true;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '_' || c == '-' || c == '.' || c == ' ') {
                upper = true;
            } else if (Character.isJavaIdentifierPart(c)) {
                String s = String.valueOf(c);
                name.append(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
                upper = false;
            }
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, "Code");
        }
        return name.toString();
    }

    /** Returns the fully qualified name of the generated class for {@code code}. */
    public static String className(String code) {
        return PACKAGE + "." + simpleName(code);
    }
}
