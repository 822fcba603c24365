package dev.botfleet.server.auth.oidc;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenID Connect provider of the sign-in tests: NAV's mock-oauth2-server (discovery, authorize, token, JWKS,
 * PKCE checked, RS256-signed id_tokens), started once in the test JVM on a random loopback port. It issues an id_token
 * for whoever is sent to it; {@link #next} sets the subject and claims of the next one. A second provider, "down",
 * points at a port nothing listens on.
 */
final class MockProvider {
    static final String ISSUER_ID = "default";
    static final String CLIENT_ID = "botfleet-test";
    static final String CLIENT_SECRET = "test-client-secret-9";
    static final MockOAuth2Server SERVER = new MockOAuth2Server();
    static final String DOWN_ISSUER;

    static {
        SERVER.start(InetAddress.getLoopbackAddress(), 0);
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DOWN_ISSUER = "http://127.0.0.1:" + free.getLocalPort() + "/down"; // closed again: nothing answers there
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockProvider() {
    }

    static String issuer() {
        return SERVER.issuerUrl(ISSUER_ID).toString();
    }

    /** botfleet.oidc.* for a server that knows "mock" (this provider) and "down". */
    static void configure(DynamicPropertyRegistry registry) {
        registry.add("botfleet.oidc.providers.mock.issuer", MockProvider::issuer);
        registry.add("botfleet.oidc.providers.mock.client-id", () -> CLIENT_ID);
        registry.add("botfleet.oidc.providers.mock.client-secret", () -> CLIENT_SECRET);
        registry.add("botfleet.oidc.providers.mock.display-name", () -> "Mock ID");
        registry.add("botfleet.oidc.providers.down.issuer", () -> DOWN_ISSUER);
        registry.add("botfleet.oidc.providers.down.client-id", () -> CLIENT_ID);
        registry.add("botfleet.oidc.providers.down.client-secret", () -> CLIENT_SECRET);
        // the machine is shared and the provider's first answers are slow (it warms up): generous, it is not under test
        registry.add("botfleet.oidc.timeout", () -> "20s");
    }

    /** The next id_token is for {@code subject} with these claims (a null value leaves the claim out). */
    static void next(String subject, Map<String, Object> claims) {
        next(subject, claims, 3600);
    }

    /** As above, the id_token expiring {@code expirySeconds} after it is issued (negative: already expired). */
    static void next(String subject, Map<String, Object> claims, long expirySeconds) {
        Map<String, Object> present = new HashMap<>();
        claims.forEach((k, v) -> {
            if (v != null) present.put(k, v);
        });
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, present, expirySeconds));
    }

    static void next(String subject, String email, Object emailVerified) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", emailVerified);
        next(subject, claims);
    }

    /** Every request the provider received since the last call. */
    static List<RecordedRequest> received() {
        List<RecordedRequest> all = new ArrayList<>();
        while (true) {
            try {
                all.add(SERVER.takeRequest(1, TimeUnit.MILLISECONDS)); // the requests made so far are queued already
            } catch (RuntimeException empty) { // its way of saying "no more"
                return all;
            }
        }
    }
}
