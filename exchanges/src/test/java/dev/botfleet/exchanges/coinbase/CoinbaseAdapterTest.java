package dev.botfleet.exchanges.coinbase;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.VenueException;
import dev.botfleet.exchanges.VenueInstrument;
import dev.botfleet.fakes.coinbase.FakeCoinbase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Coinbase adapter's own rules against its fake: clock fixes on 401, key errors, rounding, naming, testnet. */
class CoinbaseAdapterTest {
    private final FakeCoinbase fake = new FakeCoinbase();
    private final CoinbaseVenue venue = (CoinbaseVenue) new CoinbaseFixture().venue(fake);

    @AfterEach
    void close() { fake.close(); }

    private TradingClient client() {
        return venue.trading(new VenueCredential(FakeCoinbase.KEY_NAME, FakeCoinbase.KEY_PEM, false));
    }

    @Test
    void aClockBehindOrAheadBeyondTheTokenLifetimeIsResyncedAndTheCallSucceeds() {
        try (TradingClient c = client()) {
            fake.clock().skew(-300_000); // our tokens are "not valid yet" for the venue
            assertThat(c.account().canTrade()).isTrue();
            fake.clock().skew(300_000); // and now expired
            assertThat(c.account().balances()).isNotEmpty();
        }
    }

    @Test
    void anUnknownKeyIsAnAuthFailureNamingNoSecret() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                gen.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String name = "organizations/o/apiKeys/not-registered";
        try (TradingClient c = venue.trading(new VenueCredential(name, pem, false))) {
            assertThatThrownBy(c::account).isInstanceOfSatisfying(VenueException.class, e -> {
                assertThat(e.kind()).isEqualTo(VenueException.Kind.AUTH);
                assertThat(e.venueCode()).isEqualTo("401");
                assertThat(e.getMessage()).doesNotContain(name).doesNotContain("PRIVATE KEY");
            });
        }
        try (TradingClient c = venue.trading(new VenueCredential(name, "not a pem", false))) {
            assertThatThrownBy(c::account).isInstanceOfSatisfying(VenueException.class, e -> {
                assertThat(e.kind()).isEqualTo(VenueException.Kind.AUTH);
                assertThat(e.getMessage()).doesNotContain("not a pem");
            });
        }
    }

    @Test
    void quantitiesAndPricesAreRoundedToTheGridTowardsThePassiveSide() {
        assertThat(CoinbaseTrading.lots(new BigDecimal("0.0012345"), new BigDecimal("0.00001"))).isEqualTo("0.00123");
        assertThat(CoinbaseTrading.ticks(new BigDecimal("49000.005"), new BigDecimal("0.01"), OrderSide.BUY))
                .isEqualTo("49000.00");
        assertThat(CoinbaseTrading.ticks(new BigDecimal("49000.001"), new BigDecimal("0.01"), OrderSide.SELL))
                .isEqualTo("49000.01");
        assertThatThrownBy(() -> CoinbaseTrading.lots(new BigDecimal("0.000001"), new BigDecimal("0.00001")))
                .isInstanceOf(VenueException.class);
    }

    @Test
    void productsMapToInstrumentsAndTheDefaultVenueHasNoTestnet() {
        VenueInstrument btc = venue.marketData(false).instruments().stream()
                .filter(i -> i.symbol().equals("BTC/USDT")).findFirst().orElseThrow();
        assertThat(btc.venueSymbol()).isEqualTo("BTC-USDT");
        assertThat(CoinbaseProducts.venueSymbol("ETH/USDT")).isEqualTo("ETH-USDT");
        assertThat(new CoinbaseVenue().hasTestnet()).isFalse();
        assertThat(client().toString()).doesNotContain(FakeCoinbase.KEY_NAME);
    }
}
