package dev.botfleet.server.auth.oidc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** application/x-www-form-urlencoded, with spaces as %20 so it reads the same in a query string and in a form body. */
final class Forms {
    private Forms() {
    }

    static String encode(Map<String, String> values) {
        StringJoiner joined = new StringJoiner("&");
        values.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v)));
        return joined.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
