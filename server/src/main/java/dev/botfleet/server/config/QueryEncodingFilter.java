package dev.botfleet.server.config;

import dev.botfleet.server.common.LoggedPath;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a query string that is not valid percent-encoded UTF-8 (e.g. {@code ?status=%FF}) or has a value without a
 * name ({@code ?=x}) with a 400 problem before anything reads a parameter: Tomcat throws from {@code getParameter} on such input, which otherwise surfaces as a
 * 500 with a stack trace from deep inside the security filters.
 */
public class QueryEncodingFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(QueryEncodingFilter.class);
    private final JsonMapper json;

    public QueryEncodingFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (hasNamelessValue(query)) {
            // Tomcat throws from getParameter on "?=x" too, which would otherwise be a 500
            log.info("Refused {} {}: a query parameter has a value but no name", request.getMethod(), LoggedPath.of(request.getRequestURI()));
            Problems.write(request, response, json, ErrorCode.MALFORMED_REQUEST,
                    "The query string has a parameter without a name (e.g. '?=value')");
            return;
        }
        String bad = invalidParameter(query);
        if (bad == null) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused {} {}: query parameter '{}' is not valid UTF-8", request.getMethod(), LoggedPath.of(request.getRequestURI()), bad);
        Problems.write(request, response, json, ErrorCode.MALFORMED_REQUEST,
                "Query parameter '" + bad + "' is not valid percent-encoded UTF-8");
    }

    /** The (printable) name of the first parameter whose name or value does not decode, or null when all do. */
    static String invalidParameter(String query) {
        if (query == null || query.isEmpty()) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decodedName = decode(name);
            if (decodedName == null) return "(unreadable name)";
            if (eq >= 0 && decode(pair.substring(eq + 1)) == null) return printable(decodedName);
        }
        return null;
    }

    /** A pair like "=x" or "=" (an empty pair, as in "a=1&&b=2", is fine: Tomcat skips it). */
    static boolean hasNamelessValue(String query) {
        if (query == null || query.isEmpty()) return false;
        for (String pair : query.split("&")) {
            if (pair.startsWith("=")) return true;
        }
        return false;
    }

    /** Strict decoding: a malformed escape or byte sequence gives null instead of a replacement character. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null; // a raw non-ASCII character is not a valid URI
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Names are echoed back and logged, so keep them short and free of control characters. */
    private static String printable(String name) {
        String clean = name.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
