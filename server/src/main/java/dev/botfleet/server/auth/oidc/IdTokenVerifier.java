package dev.botfleet.server.auth.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies an id_token as OpenID Connect Core 1.0 section 3.1.3.7 asks: the signature with a key from the provider's
 * JWKS (one of the algorithms it advertises, never HS* or none), iss = the issuer, aud contains our client id (and azp
 * is our client id when there are several audiences), exp not passed and iat present (one minute of clock skew), and
 * nonce = the one this sign-in sent. The JWKS is cached per provider and read again when a token names a key id it
 * does not hold (key rotation), at most once every 30 s.
 */
final class IdTokenVerifier {
    private static final int MAX_SKEW_SECONDS = 60;

    private final Clock clock;
    private final Duration timeout;
    private final ConcurrentHashMap<URI, JWKSource<SecurityContext>> keys = new ConcurrentHashMap<>();

    IdTokenVerifier(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    JWTClaimsSet verify(OidcDiscovery.ProviderMetadata provider, String clientId, String idToken, String nonce) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(provider.algorithms(), keysOf(provider.jwksUri())));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(clientId),
                new JWTClaimsSet.Builder().issuer(provider.issuer()).claim("nonce", nonce).build(),
                Set.of("sub", "iat", "exp"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant()); // the server's clock, so tests can move time like everywhere else
            }
        };
        claims.setMaxClockSkew(MAX_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet set;
        try {
            set = processor.process(idToken, null);
        } catch (KeySourceException e) {
            throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, "the keys of " + provider.issuer() + " cannot be read: "
                    + e.getMessage());
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new OidcFailure(OidcError.INVALID_ID_TOKEN, "id_token from " + provider.issuer() + " refused: " + e.getMessage());
        }
        List<String> audience = set.getAudience();
        Object azp = set.getClaim("azp");
        if ((audience.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw new OidcFailure(OidcError.INVALID_ID_TOKEN, "id_token from " + provider.issuer() + " was issued to another party (azp)");
        }
        return set;
    }

    private JWKSource<SecurityContext> keysOf(URI jwksUri) {
        return keys.computeIfAbsent(jwksUri, uri -> {
            int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
            try {
                return JWKSourceBuilder.<SecurityContext>create(uri.toURL(),
                                new DefaultResourceRetriever(millis, millis, ProviderHttp.MAX_BODY))
                        .rateLimited(30_000)
                        .build();
            } catch (MalformedURLException e) {
                throw new OidcFailure(OidcError.PROVIDER_UNAVAILABLE, "jwks_uri is not a URL: " + uri);
            }
        });
    }
}
