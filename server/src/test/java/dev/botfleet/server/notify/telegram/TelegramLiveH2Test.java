package dev.botfleet.server.notify.telegram;

import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.fakes.telegram.ChatLog;
import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterAll;
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

/** /balance and a LIVE /start against a real venue protocol (FakeBinance) and the fake Bot API. */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "spring.datasource.url=jdbc:h2:mem:botfleet-telegram-live;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "botfleet.telegram.enabled=true", "botfleet.telegram.token=4245:TEST-TOKEN", "botfleet.telegram.bot-name=botfleet_test_bot",
        "botfleet.telegram.poll-timeout=1s", "botfleet.telegram.per-chat-interval=20ms"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class TelegramLiveH2Test extends TelegramTestBase {
    static final FakeTelegram TG = new FakeTelegram("4245:TEST-TOKEN", "botfleet_test_bot");
    static final FakeBinance BINANCE = new FakeBinance();

    static {
        TG.perChatLimit(1000, 1000);
    }

    @DynamicPropertySource
    static void venues(DynamicPropertyRegistry registry) {
        registry.add("botfleet.telegram.api-base", TG::baseUrl);
        for (String prefix : List.of("botfleet.venues.binance.", "botfleet.venues.binance.testnet.")) {
            registry.add(prefix + "rest", BINANCE::restUrl);
            registry.add(prefix + "market-stream", BINANCE::marketStreamUrl);
            registry.add(prefix + "user-stream", BINANCE::userStreamUrl);
        }
        for (String other : List.of("bybit", "kraken", "coinbase", "coindcx", "delta")) {
            registry.add("botfleet.venues." + other + ".enabled", () -> "false");
        }
    }

    @AfterAll
    static void closeFakes() {
        TG.close();
        BINANCE.close();
    }

    @Override
    FakeTelegram tg() { return TG; }

    private void binanceReady(Session user) {
        BINANCE.engine().account(StandardSetup.API_KEY).canWithdraw = false;
        BINANCE.engine().printTrade("BTCUSDT", "50000.00", "0.0001");
        await("binance instruments loaded", () -> {
            for (JsonNode e : get("/api/v1/exchanges", user).body()) if (e.get("id").asString().equals("binance")) return e;
            return null;
        }, e -> e != null && e.get("status").asString().equals("READY"));
    }

    private String storeKey(Session user) {
        Answer created = post("/api/v1/credentials", user, Map.of("exchange", "binance", "label", "main",
                "apiKey", BINANCE.apiKey(), "apiSecret", BINANCE.apiSecret()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    @Test
    void balanceAsksTheVenueForEachKey() {
        Session user = newUser();
        binanceReady(user);
        long chat = linked(user);
        storeKey(user);
        var account = BINANCE.engine().account(StandardSetup.API_KEY);
        String answer = ask(chat, "/balance");
        assertThat(answer).startsWith("Exchange accounts (asked now):\n• binance – main: ")
                .contains(Decimals.format(account.free("USDT").add(account.locked("USDT"))) + " USDT");
    }

    @Test
    void aLiveStartAsksFirstAndThenRunsOnTheVenue() {
        Session user = newUser();
        binanceReady(user);
        long chat = linked(user);
        String key = storeKey(user);
        Map<String, Object> body = new HashMap<>(Map.of("name", "real money", "exchange", "binance", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "LIVE", "credentialId", key,
                "config", Map.of("quantity", "0.001", "buyPrice", "45000.00", "sellPrice", "55000.00")));
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String bot = created.body().get("id").asString();

        assertThat(ask(chat, "/start real")).startsWith("Start real money LIVE? It trades real money on binance");
        assertThat(get("/api/v1/bots/" + bot, user).body().get("status").asString()).as("asking starts nothing").isEqualTo("STOPPED");
        ChatLog.Sent question = TG.chat(chat).messages().getLast();
        TG.userPresses(chat, question.messageId(), "golive:" + bot);
        assertThat(await("the question answered", () -> TG.chat(chat).find(question.messageId()).text(), t -> !t.startsWith("Start real")))
                .isEqualTo("Started real money (scalper on binance BTC/USDT, LIVE).");
        assertThat(get("/api/v1/bots/" + bot, user).body().get("status").asString()).isEqualTo("ACTIVE");
        await("the buy rests on binance", () -> BINANCE.engine().orders(BINANCE.engine().account(StandardSetup.API_KEY))
                .stream().filter(o -> o.isOpen() && o.price.compareTo(new java.math.BigDecimal("45000")) == 0).count(), n -> n == 1);
        awaitMessage(chat, "Bot real money started");
        assertThat(ask(chat, "/bot real money")).startsWith("real money – running (LIVE)");
        TG.userSays(chat, "/stop real money");
        awaitMessage(chat, "Stopped real money.");
    }

    @Test
    void aLiveStartIsRefusedInTheChatWhileTheOwnerRequiresTwoFactorForLive() {
        Session user = newUser();
        binanceReady(user);
        long chat = linked(user);
        String key = storeKey(user);
        Answer created = post("/api/v1/bots", user, new HashMap<>(Map.of("name", "guarded", "exchange", "binance",
                "symbol", "BTC/USDT", "strategy", "scalper", "mode", "LIVE", "credentialId", key,
                "config", Map.of("quantity", "0.001", "buyPrice", "45000.00", "sellPrice", "55000.00"))));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String bot = created.body().get("id").asString();
        String secret = post("/api/v1/me/2fa/setup", user, null).body().get("secret").asString();
        String code = dev.botfleet.server.auth.totp.Totp.code(dev.botfleet.server.auth.totp.Base32.decode(secret),
                dev.botfleet.server.auth.totp.Totp.step(clock.instant()));
        assertThat(post("/api/v1/me/2fa/enable", user, Map.of("code", code)).status()).isEqualTo(200);
        assertThat(put("/api/v1/me/2fa/requirements", user, Map.of("requireForLive", true, "requireForKeys", false)).status())
                .isEqualTo(200);

        assertThat(ask(chat, "/start guarded")).contains("two-factor settings require a code").contains("dashboard");
        assertThat(get("/api/v1/bots/" + bot, user).body().get("status").asString()).isEqualTo("STOPPED");
    }
}
