package dev.restdatasource.internal.codegen;

import dev.restdatasource.ErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the exception classes that {@link ErrorCodeProcessor} generates into an application, one per GraphQL error
 * code: code {@code NOT_FOUND} becomes {@code dev.restdatasource.graphql.codes.NotFound}. The processor and
 * {@link GraphQLErrorMapper} share this rule, so neither needs the other's classes.
 *
 * <p>No class of the library lives in {@value #PACKAGE}: that package belongs to the generated classes, which sit
 * in the application's own {@code WEB-INF/classes}, where SmallRye GraphQL reads their {@code @ErrorCode}.
 */
public final class ErrorCodeClasses {
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

    /** Returns the codes of {@link ErrorCode} as this jar knows them: its public static {@code String} constants. */
    public static List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (Field field : ErrorCode.class.getFields()) {
            int m = field.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
                try {
                    codes.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }
}
