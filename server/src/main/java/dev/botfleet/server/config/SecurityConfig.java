package dev.botfleet.server.config;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.botfleet.server.auth.RememberedTokens;
import dev.botfleet.server.auth.TokenSubjectValidator;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Stateless bearer-token security: HS256 JWTs we issue ourselves at login. Every /api endpoint needs a token except
 * registration and login; the dashboard's static files, health and the OpenAPI docs are public. Failures answer
 * with problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, JwtDecoder decoder) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(request, response, json, ErrorCode.UNAUTHORIZED, describe(e, request.getHeader("Authorization")));
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                Problems.write(request, response, json, ErrorCode.FORBIDDEN, "You may not do this");
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login").permitAll()
                        // sign-in with OpenID Connect: providers list, start, callback (browser redirects), code exchange
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/oidc/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/oidc/exchange").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login/2fa").permitAll() // the challenge is the credential
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/siwe/nonce").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/siwe").permitAll() // the signature is the credential
                        // the event stream authenticates its token itself (query parameter; bad token -> close 1008)
                        .requestMatchers(HttpMethod.GET, "/api/v1/stream").permitAll()
                        // Telegram's webhook proves itself with the secret_token header (TelegramWebhookController)
                        .requestMatchers(HttpMethod.POST, "/api/v1/telegram/webhook").permitAll()
                        // signal webhooks: the secret token in the path is the credential (TradingView sends no header)
                        .requestMatchers(HttpMethod.POST, "/api/v1/signals/*").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // the dashboard (/, /index.html, /assets/**, client-side routes), OpenAPI docs, error page
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    private static String describe(AuthenticationException e, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "Authentication required: send 'Authorization: Bearer <token>' (POST /api/v1/auth/login gives one)";
        }
        return "The bearer token is invalid or expired; log in again";
    }

    @Bean
    SecretKey jwtSigningKey(BotfleetProperties properties) {
        byte[] key = KeyFiles.load("botfleet.jwt.secret", properties.jwt().secret(),
                properties.dataDir().resolve("jwt.key"), 32, false);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }

    /** Expiry is checked against the server's {@link Clock} (so tests can move time); we both issue and verify, so no skew.
     * A token whose account no longer exists is refused too. Each token's signature is checked once, its validity on
     * every use ({@link RememberedTokens}). */
    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, BotfleetProperties properties, Clock clock, TokenSubjectValidator subjects) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        // Our issuer is a name, not a URL: the default claim converter tries a URL first and throws (and catches) an
        // exception on every request — the most frequent exception under load (21,000 in a 10,000-bot load run).
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());  // RememberedTokens validates each use
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new RememberedTokens(decoder, new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(properties.jwt().issuer()), subjects));
    }

    /**
     * No observation (trace span, timer, long-task timer) around each security filter, authentication and
     * authorization of every request: nobody reads them (the API's own timer, http.server.requests, stays), and under a
     * fleet's load they were a tenth of a request's CPU (docs/fleet-scale.md, "What a request costs").
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(BotfleetProperties properties) {
        return new BCryptPasswordEncoder(properties.password().bcryptStrength());
    }
}
