package dev.botfleet.server.config;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Browser security headers on every response, set before the chain runs so error responses (401 from security,
 * 404/500 from the error page) carry them too. The dashboard keeps its bearer token in localStorage, so the strict
 * CSP (no inline or foreign script) is what keeps an injected script from reading it. Swagger UI styles itself
 * inline and shows data: images, so its pages get a policy relaxed for styles and images only, never for scripts.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {
    static final String COMMON = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'; ";
    /** ws:/wss: for the dashboard's event stream (/api/v1/stream). */
    static final String DASHBOARD_POLICY = COMMON + "img-src 'self' data:; connect-src 'self' ws: wss:";
    static final String SWAGGER_POLICY = COMMON + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response, isSwagger(request.getRequestURI()) ? SWAGGER_POLICY : DASHBOARD_POLICY);
        chain.doFilter(request, response);
    }

    /** Also used by {@link ProblemErrorReportValve} for the answers Tomcat gives before any filter runs. */
    static void apply(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }

    private static boolean isSwagger(String path) {
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/");
    }
}
