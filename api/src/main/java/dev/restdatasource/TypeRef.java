package dev.restdatasource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic result type, such as {@code List<Movie>}, that a {@code Class} cannot express.
 *
 * <pre>{@code List<Movie> movies = get("movies").as(new TypeRef<List<Movie>>() {});}</pre>
 *
 * @param <T> the captured type
 */
public abstract class TypeRef<T> {
    private final Type type;

    /** Captures the type argument of the anonymous subclass. */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("TypeRef must be created with a type argument, e.g. new TypeRef<List<Movie>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    /** Returns the captured type. */
    public final Type type() {
        return type;
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
