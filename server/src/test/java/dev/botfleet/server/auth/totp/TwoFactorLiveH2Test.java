package dev.botfleet.server.auth.totp;

import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Require 2FA for LIVE" against a real LIVE setup: the server's Binance pointed at FakeBinance, a key verified by
 * it, a LIVE scalper created and started. Each step needs a fresh code in X-Botfleet-OTP; the same code twice is refused.
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:mem:botfleet-2fa-live;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class TwoFactorLiveH2Test extends TwoFactorTestBase {
    static final FakeBinance FAKE = new FakeBinance();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) {
        for (String prefix : List.of("botfleet.venues.binance.", "botfleet.venues.binance.testnet.")) {
            registry.add(prefix + "rest", FAKE::restUrl);
            registry.add(prefix + "market-stream", FAKE::marketStreamUrl);
            registry.add(prefix + "user-stream", FAKE::userStreamUrl);
        }
        registry.add("botfleet.venues.binance.timeout", () -> "3s");
        for (String other : List.of("bybit", "kraken", "coinbase", "coindcx", "delta")) {
            registry.add("botfleet.venues." + other + ".enabled", () -> "false");
        }
    }

    @BeforeEach
    void venueReady() {
        FAKE.engine().account(StandardSetup.API_KEY).canWithdraw = false;
        FAKE.engine().printTrade("BTCUSDT", "50000.00", "0.0001");
        await("binance instruments loaded", () -> binance(newUser()), e -> e != null && e.get("status").asString().equals("READY"));
    }

    private JsonNode binance(Session user) {
        for (JsonNode e : get("/api/v1/exchanges", user).body()) if (e.get("id").asString().equals("binance")) return e;
        return null;
    }

    private static Map<String, Object> scalper(String mode, String credentialId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "2fa scalper", "exchange", "binance", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", mode,
                "config", Map.of("quantity", "0.001", "buyPrice", "49990.00", "sellPrice", "50010.00")));
        if (credentialId != null) body.put("credentialId", credentialId);
        return body;
    }

    @Test
    void aLiveBotIsCreatedAndStartedOnlyWithAFreshCodeEachTime() {
        Enrolled e = enrol(newUser());
        Session user = e.session();
        assertThat(requirements(user, true, true, null).status()).isEqualTo(200);
        Map<String, Object> key = Map.of("exchange", "binance", "label", "fake binance", "apiKey", FAKE.apiKey(),
                "apiSecret", FAKE.apiSecret());

        assertProblem(postWithCode("/api/v1/credentials", user, key, null), 403, "TOTP_REQUIRED");
        Answer stored = postWithCode("/api/v1/credentials", user, key, freshCode(e.secret()));
        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(201);
        String keyId = stored.body().get("id").asString();

        Answer invalidBody = postWithCode("/api/v1/bots", user, scalper("LIVE", null), null);
        assertProblem(invalidBody, 400, "VALIDATION_ERROR"); // validated before a code is asked for
        assertProblem(postWithCode("/api/v1/bots", user, scalper("LIVE", keyId), null), 403, "TOTP_REQUIRED");
        assertThat(postWithCode("/api/v1/bots", user, scalper("PAPER", null), null).status())
                .as("paper bots on the same venue need no code").isEqualTo(201);
        String createCode = freshCode(e.secret());
        Answer created = postWithCode("/api/v1/bots", user, scalper("LIVE", keyId), createCode);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String bot = created.body().get("id").asString();

        String start = "/api/v1/bots/" + bot + "/start";
        assertProblem(postWithCode(start, user, null, null), 403, "TOTP_REQUIRED");
        assertProblem(postWithCode(start, user, null, wrongCode(e.secret())), 403, "TOTP_INVALID");
        assertProblem(postWithCode(start, user, null, createCode), 403, "TOTP_INVALID");
        assertProblem(postWithCode("/api/v1/bots/" + bot + "/toggle", user, null, null), 403, "TOTP_REQUIRED");
        assertThat(get("/api/v1/bots/" + bot, user).body().get("status").asString()).isEqualTo("STOPPED");

        Answer started = postWithCode(start, user, null, freshCode(e.secret()));
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);
        assertThat(started.body().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(postWithCode("/api/v1/bots/" + bot + "/stop", user, null, null).status())
                .as("stopping never needs a code").isEqualTo(200);
    }

    @Test
    void withoutTheRequirementLiveNeedsNoCode() {
        Enrolled e = enrol(newUser());
        Answer stored = postWithCode("/api/v1/credentials", e.session(), Map.of("exchange", "binance", "apiKey", FAKE.apiKey(),
                "apiSecret", FAKE.apiSecret()), null);
        assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(201);
        Answer created = postWithCode("/api/v1/bots", e.session(), scalper("LIVE", stored.body().get("id").asString()), null);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }
}
