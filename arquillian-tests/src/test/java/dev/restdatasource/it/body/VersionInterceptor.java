package dev.restdatasource.it.body;

import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Puts {@code v1;} before every body it sees written, and says so in a header. */
public class VersionInterceptor implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.getHeaders().putSingle("X-Version", "v1");
        context.getOutputStream().write("v1;".getBytes(StandardCharsets.US_ASCII));
        context.proceed();
    }
}
