package dev.botfleet.server.ops;

import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /actuator/prometheus} has its own filter chain, ahead of the API's: the scraper's bearer token is a shared
 * secret ({@code botfleet.metrics.scrape-token}), not one of our JWTs, so the API's resource server must not see it.
 * Token unset: 404 (scraping is off and the endpoint is not there). Token missing or wrong: 401. The meters carry no
 * user data, but counts of bots and orders are still nobody else's business.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurity {
    static final String PATH = "/actuator/prometheus";

    @Bean
    @Order(0)
    SecurityFilterChain prometheusScrape(HttpSecurity http, JsonMapper json,
                                         @Value("${botfleet.metrics.scrape-token:}") String scrapeToken) throws Exception {
        byte[] token = scrapeToken.isBlank() ? null : scrapeToken.getBytes(StandardCharsets.UTF_8);
        return http
                .securityMatcher(PATH)
                .csrf(c -> c.disable())  // GET only, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().access((auth, context) ->
                        new AuthorizationDecision(token != null && presented(context.getRequest(), token))))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    if (token == null) {
                        Problems.write(request, response, json, ErrorCode.NOT_FOUND,
                                "Metrics scraping is off (set botfleet.metrics.scrape-token)");
                        return;
                    }
                    response.setHeader("WWW-Authenticate", "Bearer");
                    Problems.write(request, response, json, ErrorCode.UNAUTHORIZED,
                            "Send the scrape token: 'Authorization: Bearer <botfleet.metrics.scrape-token>'");
                }))
                .build();
    }

    /** Constant-time comparison: the answer's timing tells nothing about how much of a guess was right. */
    static boolean presented(HttpServletRequest request, byte[] token) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
    }
}
