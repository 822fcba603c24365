package dev.botfleet.server.auth.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.botfleet.server.auth.LoginResponse;
import dev.botfleet.server.auth.TokenService;
import dev.botfleet.server.auth.totp.TwoFactorLogin;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-in with OpenID Connect, authorization code flow with PKCE (S256), state and nonce, written by hand on what the
 * server already has (java.net.http, Jackson, Nimbus JOSE+JWT for the id_token) instead of Spring Security's
 * oauth2Login: that one keeps the flow and the signed-in user in an HTTP session and a session cookie, while this
 * server is stateless and authenticates every request with its own HS256 bearer tokens ({@link TokenService}). Here the
 * provider only vouches for an email once; what the browser ends up with is the same token a password login gives.
 *
 * <p>The flow: {@link #start} keeps state, nonce and PKCE verifier server-side (single-use, {@code flow-lifetime}),
 * bound to the browser by a cookie, and sends the browser to the provider; {@link #callback} takes them back once,
 * exchanges the code, verifies the id_token, requires a verified email, finds or creates the account and hands out a
 * one-time login code (never the token in a URL); {@link #exchange} turns that code into the token.
 */
@Service
public class OidcSignIn {
    private final TwoFactorLogin twoFactor;
    /** What {@link #start} keeps until the provider sends the browser back. */
    record Pending(String provider, String browser, String nonce, String codeVerifier, String redirectUri) {
        @Override
        public String toString() {
            return "Pending[provider=" + provider + "]";
        }
    }

    /** The callback's query parameters, each possibly null. */
    record Callback(String code, String state, String error, String issuer) {
    }

    public record ProviderView(String id, String displayName) {
    }

    static final int CAPACITY = 10_000;
    private final OidcProperties properties;
    private final OidcDiscovery discovery;
    private final TokenEndpoint tokenEndpoint;
    private final IdTokenVerifier verifier;
    private final OidcAccounts accounts;
    private final UserRepository users;
    private final TokenService tokens;
    private final OneTimeStore<Pending> pending;
    private final OneTimeStore<UUID> loginCodes;

    public OidcSignIn(OidcProperties properties, JsonMapper json, Clock clock, OidcLinks links, UserRepository users,
                      UserService userService, TokenService tokens, TwoFactorLogin twoFactor) {
        this.twoFactor = twoFactor;
        this.properties = properties;
        ProviderHttp http = new ProviderHttp(properties.timeout(), json);
        this.discovery = new OidcDiscovery(http, clock);
        this.tokenEndpoint = new TokenEndpoint(http);
        this.verifier = new IdTokenVerifier(clock, properties.timeout());
        this.accounts = new OidcAccounts(links, users, userService, clock);
        this.users = users;
        this.tokens = tokens;
        this.pending = new OneTimeStore<>(clock, properties.flowLifetime(), CAPACITY);
        this.loginCodes = new OneTimeStore<>(clock, properties.loginCodeLifetime(), CAPACITY);
    }

    public List<ProviderView> providers() {
        return properties.providers().entrySet().stream()
                .map(e -> new ProviderView(e.getKey(), e.getValue().label(e.getKey()))).toList();
    }

    /** The provider's authorization URL for a new sign-in from the browser identified by {@code browser}. */
    URI start(String providerId, String redirectUri, String browser) {
        OidcProperties.Provider provider = provider(providerId);
        OidcDiscovery.ProviderMetadata metadata = discovery.metadata(provider);
        String nonce = OneTimeStore.randomKey();
        String codeVerifier = OneTimeStore.randomKey(); // 43 characters of base64url: RFC 7636's minimum length
        String state = pending.put(new Pending(providerId, browser, nonce, codeVerifier, redirectUri));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", String.join(" ", provider.scopes()));
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(codeVerifier));
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + Forms.encode(query));
    }

    /** Completes the sign-in the provider sent the browser back from; the answer is a one-time login code. */
    String callback(String providerId, Callback answer, String browser) {
        OidcProperties.Provider provider = provider(providerId);
        Pending started = pending.take(answer.state())
                .orElseThrow(() -> new OidcFailure(OidcError.INVALID_STATE, "state unknown, used or expired"));
        if (!started.provider().equals(providerId)) {
            throw new OidcFailure(OidcError.INVALID_STATE, "state of provider " + started.provider() + " came back to " + providerId);
        }
        // login CSRF: the answer must come back to the browser that started the sign-in
        if (browser == null || !MessageDigest.isEqual(started.browser().getBytes(StandardCharsets.US_ASCII),
                browser.getBytes(StandardCharsets.US_ASCII))) {
            throw new OidcFailure(OidcError.INVALID_STATE, "the sign-in was started in another browser (cookie missing or different)");
        }
        if (answer.error() != null) {
            throw new OidcFailure("access_denied".equals(answer.error()) ? OidcError.ACCESS_DENIED : OidcError.PROVIDER_ERROR,
                    "the provider answered error=" + answer.error().substring(0, Math.min(40, answer.error().length())));
        }
        OidcDiscovery.ProviderMetadata metadata = discovery.metadata(provider);
        // RFC 9207: a provider that names itself must be the one this sign-in went to (mix-up attacks)
        if (answer.issuer() != null && !answer.issuer().equals(metadata.issuer())) {
            throw new OidcFailure(OidcError.INVALID_STATE, "the answer names another issuer");
        }
        if (answer.code() == null || answer.code().isBlank()) throw new OidcFailure(OidcError.PROVIDER_ERROR, "no code in the answer");
        String idToken = tokenEndpoint.idToken(provider, metadata, answer.code(), started.redirectUri(), started.codeVerifier());
        JWTClaimsSet claims = verifier.verify(metadata, provider.clientId(), idToken, started.nonce());
        String email = email(claims);
        User user = accounts.resolve(metadata.issuer(), claims.getSubject(), email);
        return loginCodes.put(user.id());
    }

    /**
     * The token for a login code from {@link #callback}, once. A provider sign-in counts as the password step: a user
     * with two-factor authentication on gets the same second-step challenge as the password login, never a token.
     */
    public LoginResponse exchange(String code) {
        if (code == null || code.isBlank()) throw new ApiException.Invalid("code", "is required", null);
        if (code.length() > 100) throw new ApiException.Invalid("code", "is not a login code", null);
        UUID id = loginCodes.take(code)
                .orElseThrow(() -> new ApiException.Unauthorized("The login code is wrong, used or expired; sign in again"));
        User user = users.findById(id)
                .orElseThrow(() -> new ApiException.Unauthorized("The account of this login code no longer exists"));
        if (user.disabled()) throw new ApiException.Forbidden("This account is disabled; ask the server's administrator");
        return twoFactor.challengeIfEnabled(user).orElseGet(() -> LoginResponse.of(tokens.issue(user)));
    }

    private OidcProperties.Provider provider(String id) {
        OidcProperties.Provider provider = id == null ? null : properties.providers().get(id);
        if (provider == null) throw new OidcFailure(OidcError.UNKNOWN_PROVIDER, "no provider configured under this id");
        return provider;
    }

    private static String email(JWTClaimsSet claims) {
        String email;
        try {
            email = claims.getStringClaim("email");
        } catch (ParseException notAString) {
            email = null;
        }
        if (email == null || email.isBlank()) throw new OidcFailure(OidcError.EMAIL_MISSING, "the id_token has no email");
        Object verified = claims.getClaim("email_verified");
        // a JSON boolean per OpenID Connect Core; some providers (AWS Cognito) send the string "true"
        if (!Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
            throw new OidcFailure(OidcError.EMAIL_NOT_VERIFIED, "the provider has not verified the email");
        }
        return email;
    }

    static String challenge(String codeVerifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
