package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptor;
import org.eclipse.microprofile.rest.client.ext.AsyncInvocationInterceptorFactory;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;

/**
 * The synchronous twin of a Rest Client interface has, for each asynchronous method, a method with the same name,
 * parameters, annotations and exceptions returning the stage's value, and the interface's annotations; interfaces
 * whose twin would behave differently get none.
 */
class SynchronousTwinTest {
    /** An enum for {@link Everything}. */
    public enum Shade { LIGHT, DARK }

    /** An annotation with an element of each kind a class file can hold. */
    @Retention(RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
    public @interface Everything {
        boolean z() default true;
        byte b() default 1;
        char c() default 'x';
        short s() default 2;
        int i() default 3;
        long j() default 4L;
        float f() default 5.5f;
        double d() default 6.25;
        String text() default "t";
        Class<?> type() default Map.class;
        Class<?> primitive() default int.class;
        Shade shade() default Shade.DARK;
        Produces nested() default @Produces("a/b");
        int[] ints() default {1, 2};
        String[] texts() default {"u", "v"};
        Shade[] shades() default {Shade.LIGHT};
        Class<?>[] types() default {List.class, void.class, String[].class};
        Produces[] nesteds() default {@Produces("c/d"), @Produces({"e/f", "g/h"})};
    }

    /** A body type. */
    public static class Movie {
    }

    /** A header value computed by a static method of another class. */
    public static final class Headers {
        private Headers() {
        }

        /** The value. */
        public static String compute() {
            return "computed";
        }
    }

    /** A client with asynchronous methods of every shape the twin handles. */
    @RegisterRestClient(configKey = "rich")
    @Path("/base")
    @Produces(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = "X-Computed", value = "{dev.restdatasource.internal.restclient.SynchronousTwinTest.Headers.compute}")
    @Everything(z = false, b = -1, c = 'é', s = -2, i = Integer.MIN_VALUE, j = Long.MAX_VALUE, f = -0.0f, d = Double.NaN,
            text = "ünïcode", type = Movie.class, shade = Shade.LIGHT, ints = {}, types = {long[][].class})
    public interface RichClient extends AutoCloseable {
        @GET
        @Path("movies/{id}")
        @Everything
        CompletionStage<Movie> movie(@PathParam("id") @Everything(i = 7) String id, @QueryParam("tag") List<String> tags,
                @HeaderParam("X-N") @DefaultValue("0") int n) throws IOException;

        @GET
        @Path("list")
        CompletableFuture<List<? extends Movie>> list(@QueryParam("q") Map<String, ? super Integer>[] weird);

        @POST
        @Path("touch")
        @ClientHeaderParam(name = "X-Fixed", value = {"a", "b"})
        @ClientHeaderParam(name = "X-Other", value = "c")
        CompletionStage<Void> touch(Movie movie);

        @GET
        @Path("sync")
        Movie sync();

        default CompletionStage<Movie> byDefault() {
            return CompletableFuture.completedFuture(new Movie());
        }
    }

    @Test
    void theTwinHasEachAsynchronousMethodReturningTheStagesValueWithTheSameAnnotations() throws Exception {
        SynchronousTwin twin = SynchronousTwin.of(RichClient.class, List.of());
        assertNotNull(twin);
        Class<?> type = twin.type();
        assertTrue(type.isInterface());
        assertTrue(Modifier.isPublic(type.getModifiers()));
        assertEquals(RichClient.class.getName() + SynchronousTwin.SUFFIX, type.getName());
        assertSame(RichClient.class.getClassLoader(), type.getClassLoader());
        assertSame(RichClient.class.getPackage(), type.getPackage());
        assertEquals(Set.of(RichClient.class.getDeclaredAnnotations()), Set.of(type.getDeclaredAnnotations()));
        assertEquals(3, type.getMethods().length);

        Method movie = RichClient.class.getMethod("movie", String.class, List.class, int.class);
        Method syncMovie = twin.method(movie);
        assertEquals(type, syncMovie.getDeclaringClass());
        assertEquals(Movie.class, syncMovie.getGenericReturnType());
        assertArrayEquals(movie.getGenericParameterTypes(), syncMovie.getGenericParameterTypes());
        assertArrayEquals(movie.getExceptionTypes(), syncMovie.getExceptionTypes());
        assertSameAnnotations(movie, syncMovie);

        Method list = RichClient.class.getMethod("list", Map[].class);
        Method syncList = twin.method(list);
        assertEquals(List.class, syncList.getReturnType());
        assertEquals(((java.lang.reflect.ParameterizedType) list.getGenericReturnType()).getActualTypeArguments()[0],
                syncList.getGenericReturnType());
        assertArrayEquals(list.getGenericParameterTypes(), syncList.getGenericParameterTypes());

        Method touch = RichClient.class.getMethod("touch", Movie.class);
        Method syncTouch = twin.method(touch);
        assertEquals(void.class, syncTouch.getReturnType());
        assertSameAnnotations(touch, syncTouch);

        assertNull(twin.method(RichClient.class.getMethod("sync")));
        assertNull(twin.method(RichClient.class.getMethod("byDefault")));
        assertSame(twin.type(), SynchronousTwin.of(RichClient.class, List.of()).type()); // made once
    }

    private static void assertSameAnnotations(Method original, Method twin) {
        assertEquals(Set.of(original.getDeclaredAnnotations()), Set.of(twin.getDeclaredAnnotations()));
        assertEquals(original.getParameterCount(), twin.getParameterCount());
        for (int i = 0; i < original.getParameterCount(); i++) {
            assertEquals(Set.of(original.getParameterAnnotations()[i]), Set.of(twin.getParameterAnnotations()[i]));
        }
    }

    /** An interceptor factory a user registers. */
    public static class Interceptors implements AsyncInvocationInterceptorFactory {
        @Override
        public AsyncInvocationInterceptor newInterceptor() {
            return null;
        }
    }

    /** Registers an asynchronous interceptor: it would not run on the synchronous path. */
    @RegisterProvider(Interceptors.class)
    public interface Intercepted {
        @GET
        CompletionStage<String> get();
    }

    /** A plain asynchronous client. */
    public interface Plain {
        @GET
        CompletionStage<String> get();
    }

    /** Computes a header with a method of its own, which a twin would not have. */
    @ClientHeaderParam(name = "X-Own", value = "{own}")
    public interface ComputesInItself {
        @GET
        CompletionStage<String> get();

        default String own() {
            return "own";
        }
    }

    /** A generic method. */
    public interface Generic {
        @GET
        <T> CompletionStage<T> get();
    }

    /** A raw stage. */
    @SuppressWarnings("rawtypes")
    public interface Raw {
        @GET
        CompletionStage get();
    }

    /** A client without asynchronous methods. */
    public interface SyncOnly {
        @GET
        String get();
    }

    /** Extends an interface of its own. */
    public interface Extending extends Plain {
    }

    @Test
    void interfacesWhoseTwinWouldBehaveDifferentlyGetNone() {
        assertNotNull(SynchronousTwin.of(Plain.class, List.of()));
        assertNull(SynchronousTwin.of(Plain.class, List.of(Interceptors.class)), "interceptor in the configuration");
        assertNull(SynchronousTwin.of(Intercepted.class, List.of()));
        assertNull(SynchronousTwin.of(ComputesInItself.class, List.of()));
        assertNull(SynchronousTwin.of(Generic.class, List.of()));
        assertNull(SynchronousTwin.of(Raw.class, List.of()));
        assertNull(SynchronousTwin.of(SyncOnly.class, List.of()));
        assertNull(SynchronousTwin.of(Extending.class, List.of()));
    }
}
