package dev.botfleet.server.notify.webhook;

import dev.botfleet.server.common.ApiException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A create/update body checked field by field: every mistake is a 400 naming its field. */
record WebhookInput(String url, Set<WebhookEvent> events, boolean enabled) {

    /** @param enabledDefault what a missing {@code enabled} means (null: it is required) */
    static WebhookInput of(Map<String, Object> body, Boolean enabledDefault) {
        if (body == null) throw new ApiException.Invalid("body", "a JSON object is required", null);
        return new WebhookInput(url(body.get("url")), events(body.get("events")), enabled(body.get("enabled"), enabledDefault));
    }

    static String url(Object value) {
        if (!(value instanceof String s) || s.isBlank()) throw invalid("url", "is required", value);
        if (s.length() > 2000) throw invalid("url", "must be at most 2000 characters", null);
        URI uri;
        try {
            uri = new URI(s.trim());
        } catch (URISyntaxException e) {
            throw invalid("url", "is not a valid URL", s);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // rejected without echoing the value: it carries the credentials
        if (uri.getRawUserInfo() != null) throw invalid("url", "must not contain credentials (user:password@)", null);
        if (uri.getHost() == null || uri.getHost().isBlank()) throw invalid("url", "must be an absolute URL with a host", s);
        if (uri.getRawFragment() != null) throw invalid("url", "must not have a #fragment", s);
        if (scheme.equals("https")) return uri.toString();
        if (scheme.equals("http")) {
            if (loopback(uri.getHost())) return uri.toString();
            throw invalid("url", "must use https (http only for a loopback address)", s);
        }
        throw invalid("url", "must use https", s);
    }

    /** Literal loopback addresses and localhost only: no name lookup during validation. */
    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) return true;
        if (!h.matches("[0-9.]+") && !h.contains(":")) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static Set<WebhookEvent> events(Object value) {
        if (!(value instanceof Collection<?> list) || list.isEmpty()) {
            throw invalid("events", "must be a non-empty list of " + EnumSet.allOf(WebhookEvent.class), value);
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (Object e : list) {
            try {
                events.add(WebhookEvent.valueOf(String.valueOf(e)));
            } catch (IllegalArgumentException unknown) {
                throw invalid("events", "unknown event " + e + "; known: " + EnumSet.allOf(WebhookEvent.class), e);
            }
        }
        return events;
    }

    private static boolean enabled(Object value, Boolean fallback) {
        if (value == null && fallback != null) return fallback;
        if (!(value instanceof Boolean b)) throw invalid("enabled", "must be true or false", value);
        return b;
    }

    private static ApiException.Invalid invalid(String field, String message, Object value) {
        return new ApiException.Invalid(field, message, value);
    }
}
