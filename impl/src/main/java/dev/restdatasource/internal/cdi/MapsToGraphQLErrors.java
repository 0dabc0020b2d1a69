package dev.restdatasource.internal.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link GraphQLErrorMappingInterceptor}. {@link RestDataSourceExtension} adds it to the methods of every
 * {@code RESTDataSource} bean class, so applications do not write it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface MapsToGraphQLErrors {
    /** The annotation as a value, for {@code AnnotatedTypeConfigurator}. */
    final class Literal extends AnnotationLiteral<MapsToGraphQLErrors> implements MapsToGraphQLErrors {
        private static final long serialVersionUID = 1L;
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
