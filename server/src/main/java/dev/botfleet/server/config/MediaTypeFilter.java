package dev.botfleet.server.config;

import dev.botfleet.server.common.LoggedPath;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Enumeration;

/**
 * Refuses media-type headers Spring cannot cope with, before it tries, with a problem written here:
 * <ul>
 * <li>a wildcard Content-Type ({@code *}{@code /*}, {@code application/*}) is a 415: a body has one concrete type, and
 * Spring's request headers assert that, so wherever a body was read this was a 500. (An unparsable Content-Type is
 * left to Spring, which answers it with its own 415.)</li>
 * <li>an Accept header that does not parse ({@code Accept: garbage}) is a 406: Spring negotiates every answer,
 * error answers included, against it and fails, so the client got an empty 400 instead of a problem.</li>
 * </ul>
 */
public class MediaTypeFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(MediaTypeFilter.class);
    private final JsonMapper json;

    public MediaTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            log.info("Refused {} {}: a wildcard Content-Type", request.getMethod(), LoggedPath.of(request.getRequestURI()));
            Problems.write(request, response, json, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be a concrete media type such as application/json, not a wildcard");
            return;
        }
        if (!acceptParses(request.getHeaders("Accept"))) {
            log.info("Refused {} {}: an Accept header that does not parse", request.getMethod(), LoggedPath.of(request.getRequestURI()));
            Problems.write(request, response, json, ErrorCode.NOT_ACCEPTABLE,
                    "The Accept header is not a valid list of media types; send Accept: application/json or none");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
            return false;
        }
    }

    static boolean acceptParses(Enumeration<String> values) {
        if (values == null) return true;
        while (values.hasMoreElements()) {
            String value = values.nextElement();
            if (value == null || value.isBlank()) continue;
            try {
                MediaType.parseMediaTypes(value);
            } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
                return false;
            }
        }
        return true;
    }
}
