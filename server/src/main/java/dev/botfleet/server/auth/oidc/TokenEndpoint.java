package dev.botfleet.server.auth.oidc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exchanges an authorization code for the id_token at the provider's token endpoint (OAuth 2.0 section 4.1.3 with the
 * PKCE code_verifier). The client authenticates with its secret: HTTP Basic (client_secret_basic, the default) or in
 * the form (client_secret_post) when that is all the provider supports.
 */
final class TokenEndpoint {
    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);
    private final ProviderHttp http;

    TokenEndpoint(ProviderHttp http) {
        this.http = http;
    }

    String idToken(OidcProperties.Provider provider, OidcDiscovery.ProviderMetadata metadata, String code,
                   String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        String authorization = null;
        if (metadata.clientSecretPost()) {
            form.put("client_id", provider.clientId());
            form.put("client_secret", provider.clientSecret());
        } else {
            // RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined and base64-encoded
            String pair = Forms.encode(provider.clientId()) + ":" + Forms.encode(provider.clientSecret());
            authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        ProviderHttp.JsonAnswer answer = http.postForm(metadata.tokenEndpoint(), form, authorization);
        if (answer.status() != 200) {
            // the provider's error code (invalid_grant, invalid_client, ...) is safe to log; its description may echo input
            JsonNode error = answer.body().get("error");
            log.info("OIDC token endpoint of {} answered HTTP {} {}", metadata.issuer(), answer.status(),
                    error == null ? "" : error.asString(""));
            throw new OidcFailure(OidcError.TOKEN_EXCHANGE_FAILED, "token endpoint answered HTTP " + answer.status());
        }
        JsonNode idToken = answer.body().get("id_token");
        if (idToken == null || !idToken.isString() || idToken.asString().isBlank()) {
            throw new OidcFailure(OidcError.TOKEN_EXCHANGE_FAILED, "token endpoint answered without an id_token (is 'openid' a scope?)");
        }
        return idToken.asString();
    }
}
