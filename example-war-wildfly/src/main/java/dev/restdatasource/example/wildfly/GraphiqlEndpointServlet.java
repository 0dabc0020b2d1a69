package dev.restdatasource.example.wildfly;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves SmallRye GraphiQL's {@code graphql-ui/render.js} with the application's context path in front of its
 * endpoints. The script, bundled on WildFly from {@code smallrye-graphql-ui-graphiql}, has {@code '/graphql'}
 * hard-wired (right at the root of a Quarkus application, wrong for a WAR at {@code /example}): without this the UI
 * would post its queries to {@code http://host/graphql}. Open Liberty serves its own UI and needs nothing like it.
 */
@WebServlet("/graphql-ui/render.js")
public class GraphiqlEndpointServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String SCRIPT = "META-INF/resources/graphql-ui/render.js";
    private static final String API = "const api = '/graphql';";
    private static final String LOGO = "const logo = '/graphql-ui';";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String script;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new ServletException(SCRIPT + " not found: is smallrye-graphql-ui-graphiql in WEB-INF/lib?");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!script.contains(API)) {
            throw new ServletException(SCRIPT + " no longer contains " + API + ": adapt " + getClass().getName());
        }
        String context = request.getContextPath();
        script = script.replace(API, "const api = '" + context + "/graphql';")
                .replace(LOGO, "const logo = '" + context + "/graphql-ui';");
        response.setContentType("application/javascript;charset=UTF-8");
        response.getWriter().write(script);
    }
}
