package dev.botfleet.server.auth.oidc;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code botfleet.oidc}: sign-in with OpenID Connect providers. No provider configured = the feature is off. A client
 * secret (BOTFLEET_OIDC_PROVIDERS_<ID>_CLIENT_SECRET) is only ever sent to the provider's token endpoint, never put in a
 * log line, an answer or {@link #toString()}. A missing issuer, client id or secret stops start-up (a configuration
 * mistake); an issuer that cannot be reached does not (it is only asked when someone signs in).
 *
 * @param providers        by id (the id is in the URLs: /api/v1/auth/oidc/{id}/start)
 * @param redirectBase     this server's public URL (https://bots.example.com) for the callback address registered at the
 *                         provider; unset = taken from each request (set it behind a proxy)
 * @param timeout          for each request to a provider (discovery, keys, token)
 * @param flowLifetime     how long a started sign-in may take at the provider
 * @param loginCodeLifetime how long the dashboard has to exchange the one-time login code for a token
 */
@ConfigurationProperties("botfleet.oidc")
public record OidcProperties(Map<String, Provider> providers, URI redirectBase, Duration timeout, Duration flowLifetime,
                             Duration loginCodeLifetime) {
    static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public OidcProperties {
        providers = providers == null ? Map.of() : new LinkedHashMap<>(providers);
        if (timeout == null) timeout = Duration.ofSeconds(5);
        if (flowLifetime == null) flowLifetime = Duration.ofMinutes(10);
        if (loginCodeLifetime == null) loginCodeLifetime = Duration.ofSeconds(60);
        if (redirectBase != null && !redirectBase.isAbsolute()) {
            throw new IllegalStateException("botfleet.oidc.redirect-base must be an absolute URL, e.g. https://bots.example.com");
        }
        providers.forEach((id, p) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException("botfleet.oidc.providers." + id + ": the id must be 1-32 of a-z, 0-9, - and _");
            }
            if (p == null) throw new IllegalStateException("botfleet.oidc.providers." + id + " is empty");
            p.check(id);
        });
        providers = java.util.Collections.unmodifiableMap(providers); // in configuration order, for the login page
    }

    /**
     * One provider. {@code scopes} default to openid email profile; openid is added when missing.
     */
    public record Provider(String issuer, String clientId, String clientSecret, String displayName, List<String> scopes) {
        public Provider {
            if (scopes == null || scopes.isEmpty()) scopes = DEFAULT_SCOPES;
            if (!scopes.contains("openid")) {
                scopes = new java.util.ArrayList<>(scopes);
                scopes.addFirst("openid");
            }
            scopes = List.copyOf(scopes);
            // the issuer is kept exactly as written: it must equal the discovery document's and the id_token's iss,
            // and some providers' issuers end with a slash
        }

        void check(String id) {
            String prefix = "botfleet.oidc.providers." + id;
            if (issuer == null || issuer.isBlank()) throw new IllegalStateException(prefix + ".issuer is not set");
            URI uri;
            try {
                uri = URI.create(issuer);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + ".issuer is not a URL");
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalStateException(prefix + ".issuer must be an http(s) URL");
            }
            if (clientId == null || clientId.isBlank()) throw new IllegalStateException(prefix + ".client-id is not set");
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalStateException(prefix + ".client-secret is not set");
            }
        }

        /** What the login page's button says: the display name, else the id. */
        String label(String id) {
            return displayName == null || displayName.isBlank() ? id : displayName;
        }

        @Override
        public String toString() {
            return "Provider[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=***, scopes=" + scopes + "]";
        }
    }

    public boolean enabled() {
        return !providers.isEmpty();
    }
}
