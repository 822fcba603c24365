package dev.botfleet.server.bot;

import dev.botfleet.engine.market.Instrument;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.FieldViolation;
import dev.botfleet.server.exchange.Exchange;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.strategies.StrategyCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** LIVE mode rules, with an exchange that has a live adapter (none exists yet, so it is made up here). */
class BotResolverTest {
    private static final UUID WITH_KEY = UUID.randomUUID();
    private static final UUID WITHOUT_KEY = UUID.randomUUID();
    private static final Instrument BTC = new Instrument("live-ex", "BTC/USDT", "BTC", "USDT", new BigDecimal("0.1"),
            new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("10"), new BigDecimal("0.001"), new BigDecimal("0.001"));

    private final BotResolver resolver = new BotResolver(new StrategyCatalog(),
            new ExchangeCatalog(List.of(new ExchangeCatalog().find("sim").orElseThrow(),
                    new Exchange("live-ex", "Live exchange", true, List.of(BTC)))),
            new BotResolver.CredentialCheck() {
                @Override public boolean hasCredential(UUID owner, String exchange) {
                    return owner.equals(WITH_KEY) && exchange.equals("live-ex");
                }

                @Override public java.util.Optional<String> exchangeOf(UUID owner, UUID id) {
                    return owner.equals(WITH_KEY) && id.equals(KEY) ? java.util.Optional.of("live-ex")
                            : java.util.Optional.empty();
                }
            });
    static final UUID KEY = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private static BotRequest request(String exchange, String mode) {
        return request(exchange, mode, KEY.toString());
    }

    private static BotRequest request(String exchange, String mode, String credentialId) {
        return new BotRequest("b", exchange, "BTC/USDT", "scalper", mode,
                Map.of("quantity", "0.0105", "buyPrice", "60000.04", "sellPrice", "61000.06"), credentialId);
    }

    @Test
    void aLiveBotNamesOneOfItsOwnersKeysForItsExchange() {
        assertThat(resolver.resolve(WITH_KEY, request("live-ex", "LIVE")).credentialId()).isEqualTo(KEY);
        assertThat(resolver.resolve(WITH_KEY, request("live-ex", "PAPER")).credentialId())
                .as("a paper bot keeps no key").isNull();
        for (String[] bad : new String[][] {{null, "is required for LIVE"}, {"not-a-uuid", "must be a key id"},
                {UUID.randomUUID().toString(), "no such API key"}}) {
            List<FieldViolation> v = catchThrowableOfType(ApiException.Invalid.class,
                    () -> resolver.resolve(WITH_KEY, request("live-ex", "LIVE", bad[0]))).violations();
            assertThat(v).singleElement().satisfies(x -> {
                assertThat(x.field()).isEqualTo("credentialId");
                assertThat(x.message()).contains(bad[1]);
            });
        }
    }

    @Test
    void liveNeedsAStoredKeyOnAnExchangeWithALiveAdapter() {
        BotSpec spec = resolver.resolve(WITH_KEY, request("live-ex", "LIVE"));
        assertThat(spec.mode()).isEqualTo(BotMode.LIVE);
        assertThat(spec.config()).containsEntry("quantity", "0.010").containsEntry("buyPrice", "60000.0")
                .containsEntry("sellPrice", "61000.1");

        List<FieldViolation> noKey = catchThrowableOfType(ApiException.Invalid.class,
                () -> resolver.resolve(WITHOUT_KEY, request("live-ex", "LIVE"))).violations();
        assertThat(noKey).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("mode");
            assertThat(v.message()).contains("API key").contains("/api/v1/credentials");
        });

        List<FieldViolation> paperOnly = catchThrowableOfType(ApiException.Invalid.class,
                () -> resolver.resolve(WITH_KEY, request("sim", "LIVE"))).violations();
        assertThat(paperOnly).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("mode");
            assertThat(v.message()).contains("paper trading only");
        });

        assertThat(resolver.resolve(WITHOUT_KEY, request("live-ex", "PAPER")).mode()).isEqualTo(BotMode.PAPER);
        assertThat(resolver.liveProblem(WITH_KEY, "live-ex")).isEmpty();
        assertThat(resolver.liveProblem(WITHOUT_KEY, "live-ex")).isPresent();
    }
}
