package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.DataSource;
import dev.restdatasource.internal.cdi.RestDataSourceExtension;
import dev.restdatasource.internal.restclient.RestClientFixtures.Movie;
import dev.restdatasource.internal.support.Upstream.Reply;
import dev.restdatasource.internal.support.Upstream;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The request bodies of {@code @DataSource} Rest Clients are written by the client's own {@code MessageBodyWriter}s
 * (registered with {@code @RegisterProvider} or {@code mp-rest/providers}, or the runtime's JSON-B one), with the
 * entity's generic type and media type, inside the client's {@code WriterInterceptor}s; the headers they add reach
 * the upstream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestClientBodyTest {
    /** A vendor media type written by {@link RatingWriter}, registered through configuration only. */
    static final String RATING = "application/vnd.acme.rating";

    /** A body with no JSON meaning: only {@link RatingWriter} knows its wire form. */
    public static class Rating {
        final String movie;
        final int stars;

        Rating(String movie, int stars) {
            this.movie = movie;
            this.stars = stars;
        }
    }

    /** Writes a {@code List<Movie>}, and nothing else, as CSV lines. */
    @Produces("text/csv")
    public static class MoviesCsvWriter implements MessageBodyWriter<List<Movie>> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return genericType instanceof ParameterizedType p && p.getRawType() == List.class
                    && p.getActualTypeArguments()[0] == Movie.class;
        }

        @Override
        public void writeTo(List<Movie> movies, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
            StringBuilder csv = new StringBuilder("id;title\r\n");
            movies.forEach(m -> csv.append(m.id).append(';').append(m.title).append("\r\n"));
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes a {@link Rating} as {@code movie=stars}, and says so in a header and a charset. */
    @Produces(RATING)
    public static class RatingWriter implements MessageBodyWriter<Rating> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == Rating.class;
        }

        @Override
        public void writeTo(Rating rating, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
            headers.putSingle("X-Written-By", "RatingWriter");
            headers.putSingle("Content-Type", RATING + ";charset=UTF-8");
            out.write((rating.movie + "=" + rating.stars).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Compresses what the inner steps write, and says so. */
    @Priority(Priorities.ENTITY_CODER)
    public static class GzipInterceptor implements WriterInterceptor {
        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws java.io.IOException {
            context.getHeaders().putSingle("Content-Encoding", "gzip");
            GZIPOutputStream gzip = new GZIPOutputStream(context.getOutputStream());
            context.setOutputStream(gzip);
            context.proceed();
            gzip.finish();
        }
    }

    /** Runs inside {@link GzipInterceptor} (a higher priority value): its line is compressed too. */
    @Priority(Priorities.USER)
    public static class VersionLineInterceptor implements WriterInterceptor {
        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws java.io.IOException {
            context.getOutputStream().write("#v1\r\n".getBytes(StandardCharsets.US_ASCII));
            context.proceed();
        }
    }

    /** Its CSV bodies go through two writer interceptors. */
    @RegisterRestClient(configKey = "gzip")
    @RegisterProvider(VersionLineInterceptor.class)
    @RegisterProvider(GzipInterceptor.class)
    @RegisterProvider(MoviesCsvWriter.class)
    @Path("/")
    public interface GzipClient {
        @POST
        @Path("imports")
        @Consumes("text/csv")
        String importCsv(List<Movie> movies);
    }

    /** CSV through an interface-level writer; JSON through the runtime's JSON-B writer. */
    @RegisterRestClient(configKey = "csv")
    @RegisterProvider(MoviesCsvWriter.class)
    @Path("/")
    public interface CsvClient {
        @POST
        @Path("imports")
        @Consumes("text/csv")
        String importCsv(List<Movie> movies);

        @PUT
        @Path("imports")
        @Consumes(MediaType.APPLICATION_JSON)
        String importJson(List<Movie> movies);

        @POST
        @Path("ratings")
        @Consumes(RATING)
        String rateWithoutWriter(Rating rating);

        @GET
        @Path("imports")
        @Consumes(MediaType.TEXT_PLAIN)
        String findWithBody(String filter);

        @HEAD
        @Path("imports")
        @Consumes(MediaType.TEXT_PLAIN)
        Response headWithBody(String filter);
    }

    /** Its writer comes from {@code ratings/mp-rest/providers}. */
    @RegisterRestClient(configKey = "ratings")
    @Path("/")
    public interface RatingsClient {
        @POST
        @Path("ratings")
        @Consumes(RATING)
        String rate(Rating rating);

        @POST
        @Path("ratings")
        @Consumes(RATING)
        CompletionStage<String> rateAsync(Rating rating);
    }

    /** Prefixes the body it wraps; bound to one method only, by {@link MarkOneMethod}. */
    public static class MarkInterceptor implements WriterInterceptor {
        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws java.io.IOException {
            context.getOutputStream().write("marked:".getBytes(StandardCharsets.US_ASCII));
            context.proceed();
        }
    }

    /** Registers {@link MarkInterceptor} (by class) for the methods named {@code marked}, and for no other. */
    public static class MarkOneMethod implements DynamicFeature {
        @Override
        public void configure(ResourceInfo method, FeatureContext context) {
            if (method.getResourceMethod().getName().equals("marked")) {
                context.register(MarkInterceptor.class);
            }
        }
    }

    /** Two methods, only one of which {@link MarkOneMethod} gives an interceptor. */
    public interface MarkedMethods {
        @POST
        @Path("imports")
        @Consumes(MediaType.TEXT_PLAIN)
        String marked(String body);

        @POST
        @Path("imports")
        @Consumes(MediaType.TEXT_PLAIN)
        String plain(String body);
    }

    /** Its first call goes to {@code marked}. */
    @RegisterRestClient(configKey = "markedFirst")
    @RegisterProvider(MarkOneMethod.class)
    @Path("/")
    public interface MarkedFirstClient extends MarkedMethods {
    }

    /** Its first call goes to {@code plain}. */
    @RegisterRestClient(configKey = "plainFirst")
    @RegisterProvider(MarkOneMethod.class)
    @Path("/")
    public interface PlainFirstClient extends MarkedMethods {
    }

    /** Wraps the stream in a buffer it never flushes, then drops the media type. */
    public static class BufferingInterceptor implements WriterInterceptor {
        @Override
        public void aroundWriteTo(WriterInterceptorContext context) throws java.io.IOException {
            context.setOutputStream(new BufferedOutputStream(context.getOutputStream()));
            context.setMediaType(null);
            context.proceed();
        }
    }

    /** Its bodies go through {@link BufferingInterceptor}. */
    @RegisterRestClient(configKey = "buffered")
    @RegisterProvider(BufferingInterceptor.class)
    @Path("/")
    public interface BufferedClient {
        @POST
        @Path("imports")
        @Consumes(MediaType.TEXT_PLAIN)
        String send(String body);
    }

    /** Injects the clients as an application bean would. */
    @Dependent
    public static class Clients {
        @Inject
        @DataSource
        CsvClient csv;

        @Inject
        @DataSource
        RatingsClient ratings;

        @Inject
        @DataSource
        GzipClient gzip;

        @Inject
        @DataSource
        MarkedFirstClient markedFirst;

        @Inject
        @DataSource
        PlainFirstClient plainFirst;

        @Inject
        @DataSource
        BufferedClient buffered;
    }

    private final Upstream upstream = new Upstream();
    private RestClientDeployment deployment;
    private Clients clients;

    @BeforeAll
    void start() {
        upstream.on("/imports", r -> Reply.status(200).header("Content-Type", "text/plain").body("imported"))
                .on("/ratings", r -> Reply.status(200).header("Content-Type", "text/plain").body("rated"));
        deployment = RestClientDeployment.start(Map.of(
                "csv/mp-rest/url", upstream.url(),
                "ratings/mp-rest/url", upstream.url(),
                "gzip/mp-rest/url", upstream.url(),
                "markedFirst/mp-rest/url", upstream.url(),
                "plainFirst/mp-rest/url", upstream.url(),
                "buffered/mp-rest/url", upstream.url(),
                "ratings/mp-rest/providers", RatingWriter.class.getName()),
                List.of(Clients.class), new RestDataSourceExtension());
        clients = deployment.container().select(Clients.class).get();
    }

    @AfterAll
    void stop() {
        deployment.close();
        upstream.close();
    }

    private static List<Movie> movies() {
        Movie alien = new Movie();
        alien.id = "1";
        alien.title = "Alien";
        Movie heat = new Movie();
        heat.id = "2";
        heat.title = "Heat";
        return List.of(alien, heat);
    }

    @Test
    void anInterfaceWriterWritesTheGenericBodyWithItsMediaType() {
        assertEquals("imported", deployment.inRequest(() -> clients.csv.importCsv(movies())));
        Upstream.Received received = upstream.last();
        assertEquals("POST", received.method());
        assertArrayEquals("id;title\r\n1;Alien\r\n2;Heat\r\n".getBytes(StandardCharsets.UTF_8), received.body());
        assertEquals("text/csv", received.header("Content-Type"));
    }

    /**
     * A {@code CompletionStage} method's body is written on the client's thread by the same writer. (RESTEasy passes
     * such a body's runtime class, not its declared generic type, for a plain {@code @RestClient} as well: a writer
     * that needs {@code List<Movie>} is not found there, so this uses a non-generic body.)
     */
    @Test
    void anAsyncCallsBodyIsWrittenTheSameWay() {
        assertEquals("rated", deployment.inRequest(() -> clients.ratings.rateAsync(new Rating("up", 3))
                .toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join()));
        Upstream.Received received = upstream.last();
        assertEquals("up=3", received.bodyText());
        assertEquals("RatingWriter", received.header("X-Written-By"));
    }

    @Test
    void theRuntimesJsonbWriterWritesAGenericListAsJson() {
        assertEquals("imported", deployment.inRequest(() -> clients.csv.importJson(movies())));
        Upstream.Received received = upstream.last();
        assertEquals("PUT", received.method());
        assertEquals("[{\"id\":\"1\",\"title\":\"Alien\"},{\"id\":\"2\",\"title\":\"Heat\"}]", received.bodyText());
        assertEquals(MediaType.APPLICATION_JSON, received.header("Content-Type"));
    }

    @Test
    void aConfiguredWriterWritesTheBodyAndTheHeadersItAdds() {
        assertEquals("rated", deployment.inRequest(() -> clients.ratings.rate(new Rating("alien", 5))));
        Upstream.Received received = upstream.last();
        assertEquals("alien=5", received.bodyText());
        assertEquals("RatingWriter", received.header("X-Written-By"));
        assertEquals(RATING + ";charset=UTF-8", received.header("Content-Type"));
    }

    @Test
    void writerInterceptorsRunInPriorityOrderAroundTheWriter() throws java.io.IOException {
        assertEquals("imported", deployment.inRequest(() -> clients.gzip.importCsv(movies())));
        Upstream.Received received = upstream.last();
        assertEquals("gzip", received.header("Content-Encoding"));
        assertEquals("text/csv", received.header("Content-Type"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(received.body()))) {
            assertEquals("#v1\r\nid;title\r\n1;Alien\r\n2;Heat\r\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEntityWithoutAWriterFailsNamingItsClassAndMediaTypeBeforeAnyUpstreamCall() {
        int before = upstream.count("/ratings");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> deployment.inRequest(() -> clients.csv.rateWithoutWriter(new Rating("heat", 4))));
        String messages = messages(e);
        assertTrue(messages.contains("No MessageBodyWriter for the entity " + Rating.class.getName() + " as " + RATING
                + " in the Rest Client " + CsvClient.class.getName() + ": register one with @RegisterProvider or "
                + "<configKey>/mp-rest/providers"), messages);
        assertEquals(before, upstream.count("/ratings"));
    }

    /**
     * Each method's own configuration gives its interceptors: a {@code DynamicFeature} binds one to one method, and
     * whichever method a client calls first, the other is not affected.
     */
    @Test
    void writerInterceptorsAreTheCalledMethodsOwn() {
        List<String> bodies = deployment.inRequest(() -> List.of(
                sent(clients.markedFirst.marked("a")), sent(clients.markedFirst.plain("b")),
                sent(clients.plainFirst.plain("c")), sent(clients.plainFirst.marked("d"))));
        assertEquals(List.of("marked:a", "b", "c", "marked:d"), bodies);
    }

    /** The body the upstream received last, once the call answered. */
    private String sent(String answer) {
        assertEquals("imported", answer);
        return upstream.last().bodyText();
    }

    @Test
    void theBufferingStreamAnInterceptorSetIsFlushed() {
        assertEquals("imported", deployment.inRequest(() -> clients.buffered.send("all of it")));
        assertEquals("all of it", upstream.last().bodyText());
    }

    @Test
    void anInterceptorSettingNoMediaTypeRemovesTheContentType() {
        assertEquals("imported", deployment.inRequest(() -> clients.buffered.send("untyped")));
        assertNull(upstream.last().header("Content-Type"));
    }

    /** Apollo's keys leave the body out (§7.10, §8.3): a body on a GET or HEAD is refused rather than shared. */
    @Test
    void anEntityOnAGetOrHeadFailsNamingTheMethodBeforeAnyUpstreamCall() {
        int before = upstream.count("/imports");
        RuntimeException get = assertThrows(RuntimeException.class,
                () -> deployment.inRequest(() -> clients.csv.findWithBody("heat")));
        assertTrue(messages(get).contains("The Rest Client method " + CsvClient.class.getName()
                + ".findWithBody is a GET with an entity"), messages(get));
        RuntimeException head = assertThrows(RuntimeException.class,
                () -> deployment.inRequest(() -> clients.csv.headWithBody("heat")));
        assertTrue(messages(head).contains("The Rest Client method " + CsvClient.class.getName()
                + ".headWithBody is a HEAD with an entity"), messages(head));
        assertEquals(before, upstream.count("/imports"));
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
