package dev.restdatasource.it.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What an application's authentication step does before GraphQL runs: it sets the request attribute
 * {@value #ATTRIBUTE} (here simply from the {@code X-User} header), which data sources and request filters then read
 * through {@link dev.restdatasource.DataSourceContext#attribute(String)}.
 */
@WebFilter("/graphql/*")
public class UserAttributeFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The request attribute holding the user. */
    public static final String ATTRIBUTE = "user";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String user = request.getHeader("X-User");
        if (user != null) {
            request.setAttribute(ATTRIBUTE, user);
        }
        chain.doFilter(request, response);
    }
}
