package dev.botfleet.server.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads each provider's {@code <issuer>/.well-known/openid-configuration} when it is first needed, never at start-up:
 * a provider that is down must not keep the server from starting, it only fails the sign-ins that need it. A document
 * is reused for {@link #MAX_AGE}; when it cannot be read again the last good one is kept.
 */
final class OidcDiscovery {
    private static final Logger log = LoggerFactory.getLogger(OidcDiscovery.class);
    static final Duration MAX_AGE = Duration.ofHours(1);
    /** The id_token signatures we verify: the provider's public keys from its JWKS. HS* would need the client secret as
     * the key and "none" is no signature, so both are refused. */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    /** What a sign-in needs from the discovery document. */
    record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                            boolean clientSecretPost, Set<JWSAlgorithm> algorithms) {
    }

    private record Cached(ProviderMetadata metadata, Instant readAt) {
    }

    private final ProviderHttp http;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> byIssuer = new ConcurrentHashMap<>();

    OidcDiscovery(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    ProviderMetadata metadata(OidcProperties.Provider provider) {
        Cached cached = byIssuer.get(provider.issuer());
        if (cached != null && cached.readAt().plus(MAX_AGE).isAfter(clock.instant())) return cached.metadata();
        try {
            ProviderMetadata fresh = read(provider.issuer());
            byIssuer.put(provider.issuer(), new Cached(fresh, clock.instant()));
            return fresh;
        } catch (OidcFailure e) {
            if (cached == null) throw e;
            log.warn("OIDC discovery of {} failed again ({}); using the document read at {}", provider.issuer(),
                    e.getMessage(), cached.readAt());
            return cached.metadata();
        }
    }

    private ProviderMetadata read(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI uri = URI.create(base + "/.well-known/openid-configuration");
        ProviderHttp.JsonAnswer answer = http.get(uri);
        if (answer.status() != 200) throw unavailable(issuer, "answered HTTP " + answer.status());
        JsonNode doc = answer.body();
        // OpenID Connect Discovery 1.0, section 4.3: the document's issuer must be exactly the one asked for
        if (!issuer.equals(text(doc, "issuer"))) throw unavailable(issuer, "names another issuer: " + text(doc, "issuer"));
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        JsonNode advertised = doc.get("id_token_signing_alg_values_supported");
        if (advertised != null && advertised.isArray()) {
            advertised.forEach(a -> {
                JWSAlgorithm alg = JWSAlgorithm.parse(a.asString(""));
                if (ASYMMETRIC.contains(alg)) algorithms.add(alg);
            });
        } else {
            algorithms.add(JWSAlgorithm.RS256);
        }
        if (algorithms.isEmpty()) throw unavailable(issuer, "signs id_tokens only with algorithms we do not verify: " + advertised);
        JsonNode methods = doc.get("token_endpoint_auth_methods_supported");
        // client_secret_basic is the default when the provider lists nothing (Discovery 1.0, section 3)
        boolean post = methods != null && methods.isArray() && !contains(methods, "client_secret_basic")
                && contains(methods, "client_secret_post");
        return new ProviderMetadata(issuer, endpoint(doc, "authorization_endpoint", issuer),
                endpoint(doc, "token_endpoint", issuer), endpoint(doc, "jwks_uri", issuer), post, Set.copyOf(algorithms));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asString(""))) return true;
        }
        return false;
    }

    private static URI endpoint(JsonNode doc, String field, String issuer) {
        String value = text(doc, field);
        if (value == null) throw unavailable(issuer, "has no " + field);
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw unavailable(issuer, field + " is not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw unavailable(issuer, field + " is not a URL");
        }
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        return n == null || !n.isString() ? null : n.asString();
    }

    private static OidcFailure unavailable(String issuer, String why) {
        return new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, "OIDC discovery of " + issuer + " " + why);
    }
}
