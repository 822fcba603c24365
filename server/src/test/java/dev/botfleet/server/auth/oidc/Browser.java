package dev.botfleet.server.auth.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser for the sign-in tests: keeps cookies, follows no redirect by itself so each hop can be looked at. */
final class Browser {
    private final HttpClient http;

    Browser() {
        this(true);
    }

    /** Without cookies the raw Set-Cookie headers stay visible (a cookie handler takes them). */
    Browser(boolean cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) builder.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        http = builder.build();
    }

    /** GETs the URL and answers the redirect's target (resolved against the URL); fails on anything but a 302. */
    URI hop(URI url) {
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 302) {
            throw new AssertionError("GET " + url.getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        return url.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    HttpResponse<String> get(URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    /** Decodes application/x-www-form-urlencoded (a query string or a form body). */
    static Map<String, String> form(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) return params;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The same URL with one query parameter's value replaced. */
    static URI withParam(URI uri, String name, String value) {
        Map<String, String> params = query(uri);
        params.put(name, value);
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(Forms.encode(k)).append('=').append(Forms.encode(v)));
        String s = uri.toString();
        int at = s.indexOf('?');
        return URI.create((at < 0 ? s : s.substring(0, at)) + "?" + q);
    }
}
