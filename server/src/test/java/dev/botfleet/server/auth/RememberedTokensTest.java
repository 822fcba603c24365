package dev.botfleet.server.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RememberedTokens}: a token's signature is checked and its claims parsed once, its validity on every use; a
 * token that fails its signature is never remembered.
 */
class RememberedTokensTest {
    private final SecretKey key = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private final NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    private final AtomicInteger verified = new AtomicInteger();
    private final JwtDecoder countingVerifier = token -> {
        verified.incrementAndGet();
        return nimbus.decode(token);
    };
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final AtomicInteger validated = new AtomicInteger();
    private final RememberedTokens tokens = new RememberedTokens(countingVerifier, jwt -> {
        validated.incrementAndGet();
        return revoked.get() ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token was revoked", null))
                : OAuth2TokenValidatorResult.success();
    });

    RememberedTokensTest() {
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    }

    private String token(String subject) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    @Test
    void aTokenIsVerifiedOnceAndValidatedOnEveryUse() {
        String token = token("alice");
        for (int i = 0; i < 3; i++) {
            Jwt jwt = tokens.decode(token);
            assertThat(jwt.getSubject()).isEqualTo("alice");
        }
        assertThat(verified).hasValue(1);
        assertThat(validated).hasValue(3);
        assertThat(tokens.decode(token("bob")).getSubject()).isEqualTo("bob");
        assertThat(verified).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsValidatorsRefuseIt() {
        String token = token("alice");
        tokens.decode(token);
        revoked.set(true);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessage("An error occurred while attempting to decode the Jwt: The token was revoked");
        revoked.set(false);
        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeAndNeverRemembered() {
        String token = token("alice");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(verified).hasValue(2);
        assertThat(tokens.size()).isZero();
        assertThatThrownBy(() -> tokens.decode("not a token")).isInstanceOf(BadJwtException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theMemoryStartsAgainWhenFull() {
        String first = token("user-0");
        tokens.decode(first);
        for (int i = 1; i < RememberedTokens.MAX_TOKENS; i++) tokens.decode(token("user-" + i));
        assertThat(tokens.size()).isEqualTo(RememberedTokens.MAX_TOKENS);
        tokens.decode(token("one more"));
        assertThat(tokens.size()).isEqualTo(1);
        verified.set(0);
        tokens.decode(first);
        assertThat(verified).hasValue(1);
    }
}
