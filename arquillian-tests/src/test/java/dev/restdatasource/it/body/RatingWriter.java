package dev.restdatasource.it.body;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Rating} as {@code movie=stars} and names itself in a header. */
@Produces(Rating.MEDIA_TYPE)
public class RatingWriter implements MessageBodyWriter<Rating> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == Rating.class;
    }

    @Override
    public void writeTo(Rating rating, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("X-Written-By", "RatingWriter");
        out.write((rating.movie() + "=" + rating.stars()).getBytes(StandardCharsets.UTF_8));
    }
}
