package dev.restdatasource.internal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The servlet-backed context over a stub {@link HttpServletRequest}. */
class ServletDataSourceContextTest {
    /** A stub answering getHeader, getHeaders, getAttribute, setAttribute and removeAttribute from maps. */
    private static HttpServletRequest stubRequest(Map<String, List<String>> headers, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getHeader": {
                            List<String> values = headers.get(((String) args[0]).toLowerCase());
                            return values == null ? null : values.get(0);
                        }
                        case "getHeaders":
                            return Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                        case "getAttribute":
                            return attributes.get(args[0]);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "removeAttribute":
                            attributes.remove(args[0]);
                            return null;
                        case "getMethod":
                            return "POST";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void headersAndAttributesComeFromTheServletRequest() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("token", "from-a-servlet-filter");
        HttpServletRequest request = stubRequest(Map.of("authorization", List.of("Bearer abc"),
                "accept-language", List.of("fr", "en")), attributes);
        ServletDataSourceContext context = new ServletDataSourceContext(() -> new ServletDataSourceContext.RequestState(request));

        assertEquals("Bearer abc", context.header("Authorization"));
        assertEquals(List.of("fr", "en"), context.headers("Accept-Language"));
        assertEquals(List.of(), context.headers("X-Missing"));
        assertNull(context.header("X-Missing"));
        assertEquals("from-a-servlet-filter", context.attribute("token"));
        context.attribute("user", "ada");
        assertEquals("ada", attributes.get("user"), "attributes are the servlet request's");
    }

    @Test
    void withoutAServletRequestAttributesLiveInTheRequestState() {
        ServletDataSourceContext.RequestState state = new ServletDataSourceContext.RequestState(null);
        ServletDataSourceContext context = new ServletDataSourceContext(() -> state);
        assertNull(context.header("Authorization"));
        assertEquals(List.of(), context.headers("Authorization"));
        context.attribute("token", "t");
        assertEquals("t", context.attribute("token"));
        context.attribute("token", null);
        assertNull(context.attribute("token"));
    }

    @Test
    void withoutARequestEverythingIsEmpty() {
        ServletDataSourceContext context = new ServletDataSourceContext(() -> null);
        assertNull(context.header("Authorization"));
        assertEquals(List.of(), context.headers("Authorization"));
        context.attribute("token", "ignored");
        assertNull(context.attribute("token"));
    }
}
