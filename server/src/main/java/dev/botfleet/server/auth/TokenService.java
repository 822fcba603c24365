package dev.botfleet.server.auth;

import dev.botfleet.server.config.BotfleetProperties;
import dev.botfleet.server.user.User;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Issues the HS256 bearer tokens: subject = user id, roles claim, expiry after the configured lifetime. */
@Service
public class TokenService {
    /** The account's token version when the token was issued; see {@link TokenSubjectValidator}. */
    public static final String VERSION_CLAIM = "ver";
    private final JwtEncoder encoder;
    private final BotfleetProperties properties;
    private final Clock clock;

    public TokenService(JwtEncoder encoder, BotfleetProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public TokenResponse issue(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
        Instant expiresAt = now.plus(properties.jwt().tokenLifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("email", user.email())
                .claim("roles", List.of(user.role().name()))
                .claim(VERSION_CLAIM, user.tokenVersion())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new TokenResponse(token, expiresAt);
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }
}
