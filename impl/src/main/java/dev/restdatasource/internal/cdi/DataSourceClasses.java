package dev.restdatasource.internal.cdi;

import dev.restdatasource.DataSourceRequest;
import dev.restdatasource.RESTDataSource;
import dev.restdatasource.internal.config.BaseUrlCheck;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * What deployment knows of a {@code RESTDataSource} bean class without creating an instance (which would run the
 * application's constructor, injection and {@code @PostConstruct} before the application starts): its data-source
 * name and whether its code gives it a base URL. Both are read from the class and its superclasses below
 * {@code RESTDataSource}, with reflection and from their class files ({@link ClassFile}); nothing is loaded or run.
 *
 * <p><b>The name</b> is the class's simple name, as {@link RESTDataSource#name()} gives it, unless a class overrides
 * {@code name()}: then it is the string that override returns when its whole body is {@code return "literal";} or
 * returns a constant ({@code static final String NAME = "movies"}); any other override is computed at run time, and
 * the name is unknown at deployment.
 *
 * <p><b>A base URL in code</b>: a class overrides {@code baseURL()} or {@code resolveURL(String, DataSourceRequest)},
 * or its code calls {@code setBaseURL(String)} or {@code overrideBaseURL(String)} anywhere (constructor,
 * {@code @PostConstruct}, any method: whether that call runs before the first request, or passes null, is not
 * known). A class whose file cannot be read counts as setting one, so that deployment never fails on what it cannot
 * see. A data source whose calls all use absolute URLs needs no base URL: it says so by overriding {@code resolveURL}
 * or calling {@code setBaseURL}.
 */
final class DataSourceClasses {
    private static final String STRING_TO_VOID = "(Ljava/lang/String;)V";

    private DataSourceClasses() {
    }

    /** The facts of bean class {@code type}. */
    static BaseUrlCheck.Bean of(Class<? extends RESTDataSource> type) {
        return new BaseUrlCheck.Bean(type.getName(), name(type).orElse(null), setsBaseUrlInCode(type));
    }

    /** The data-source name, when it is known without an instance. */
    static Optional<String> name(Class<? extends RESTDataSource> type) {
        Class<?> declaring;
        try {
            declaring = type.getMethod("name").getDeclaringClass();
        } catch (NoSuchMethodException impossible) {
            return Optional.empty();
        }
        if (declaring == RESTDataSource.class) {
            return Optional.of(type.getSimpleName());
        }
        return ClassFile.of(declaring).flatMap(file -> file.returnedLiteral("name", "()Ljava/lang/String;"));
    }

    /** Whether the code of {@code type} or of a superclass below RESTDataSource may give it a base URL. */
    static boolean setsBaseUrlInCode(Class<? extends RESTDataSource> type) {
        for (Class<?> c = type; c != null && c != RESTDataSource.class && c != Object.class; c = c.getSuperclass()) {
            if (declares(c, "baseURL") || declares(c, "resolveURL", String.class, DataSourceRequest.class)) {
                return true;
            }
            Optional<ClassFile> file = ClassFile.of(c);
            if (file.isEmpty() || file.get().calls("setBaseURL", STRING_TO_VOID)
                    || file.get().calls("overrideBaseURL", STRING_TO_VOID)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(Class<?> c, String name, Class<?>... parameters) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && java.util.Arrays.equals(m.getParameterTypes(), parameters)) {
                return true;
            }
        }
        return false;
    }
}
