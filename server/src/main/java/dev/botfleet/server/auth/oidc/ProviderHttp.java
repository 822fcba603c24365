package dev.botfleet.server.auth.oidc;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The JSON requests to a provider (discovery, token endpoint): bounded by the timeout and a size cap, redirects not
 * followed (a provider's endpoints are the ones it published). Any failure to get a JSON answer is
 * {@link OidcError#PROVIDER_UNAVAILABLE}; a JSON answer with an error status is returned for the caller to judge.
 */
final class ProviderHttp {
    static final int MAX_BODY = 256 * 1024;

    record JsonAnswer(int status, JsonNode body) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final JsonMapper json;

    ProviderHttp(Duration timeout, JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.json = json;
    }

    JsonAnswer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    JsonAnswer postForm(URI uri, Map<String, String> form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form)));
        if (authorization != null) request.header("Authorization", authorization);
        return send(request);
    }

    private JsonAnswer send(HttpRequest.Builder request) {
        URI uri = request.build().uri();
        try {
            HttpResponse<InputStream> response = http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, uri + " answered more than " + MAX_BODY + " bytes");
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (JacksonException e) {
                throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, uri + " answered HTTP " + response.statusCode() + " without JSON");
            }
            if (node == null || !node.isObject()) {
                throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, uri + " answered HTTP " + response.statusCode() + " without a JSON object");
            }
            return new JsonAnswer(response.statusCode(), node);
        } catch (IOException e) {
            throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, uri + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, uri + ": interrupted");
        }
    }
}
