package dev.restdatasource.internal.restclient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restdatasource.internal.restclient.RestClientFixtures.Movie;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's own rule for a body no {@code MessageBodyWriter} writes, as when the runtime injects no
 * {@code Providers}: the requests are real ones of the Jakarta REST client, stopped by a filter before any HTTP.
 */
class EntityWriterFallbackTest {
    private static final String CLIENT = "demo.MoviesClient";

    /** Writes the request's body without providers, keeps it and the Content-Type, and answers 204 itself. */
    static final class WriteWithoutProviders implements ClientRequestFilter {
        byte[] body;
        String contentType;

        @Override
        public void filter(ClientRequestContext request) throws IOException {
            body = new EntityWriter(CLIENT).write(request, null);
            contentType = request.getHeaderString("Content-Type");
            request.abortWith(Response.noContent().build());
        }
    }

    private final WriteWithoutProviders writer = new WriteWithoutProviders();
    private final Client client = ClientBuilder.newClient().register(writer);

    @AfterEach
    void close() {
        client.close();
    }

    private void post(Entity<?> entity) {
        client.target("http://127.0.0.1:9/nowhere").request().post(entity).close();
    }

    @Test
    void aStringIsEncodedInTheCharsetOfItsMediaType() {
        post(Entity.entity("café", "text/plain; charset=ISO-8859-1"));
        assertArrayEquals("café".getBytes(StandardCharsets.ISO_8859_1), writer.body);
        post(Entity.entity("café", MediaType.TEXT_PLAIN));
        assertArrayEquals("café".getBytes(StandardCharsets.UTF_8), writer.body);
    }

    @Test
    void anUnknownCharsetFailsNamingIt() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> post(Entity.entity("café", "text/plain; charset=no-such-charset")));
        String messages = RestClientBodyTest.messages(e);
        assertTrue(messages.contains("Unknown charset 'no-such-charset' in the media type text/plain;charset=no-such-charset"
                + " of a String entity in the Rest Client " + CLIENT), messages);
    }

    @Test
    void anObjectIsWrittenAsJsonOnlyForAJsonMediaType() {
        Movie movie = new Movie();
        movie.id = "1";
        movie.title = "Alien";
        post(Entity.json(movie));
        assertEquals("{\"id\":\"1\",\"title\":\"Alien\"}", new String(writer.body, StandardCharsets.UTF_8));
        assertEquals(MediaType.APPLICATION_JSON, writer.contentType);

        RuntimeException e = assertThrows(RuntimeException.class, () -> post(Entity.xml(movie)));
        String messages = RestClientBodyTest.messages(e);
        assertTrue(messages.contains("No MessageBodyWriter for the entity " + Movie.class.getName() + " as "
                + MediaType.APPLICATION_XML + " in the Rest Client " + CLIENT + " (the client runtime injected no "
                + "Providers): register one"), messages);
    }
}
