package dev.botfleet.server.venue;

import dev.botfleet.fakes.FakeVenue;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import dev.botfleet.fakes.coinbase.FakeCoinbase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server on a local Coinbase Advanced Trade (FakeCoinbase). */
class LiveCoinbaseH2Test extends LiveVenueCases {
    static final FakeCoinbase FAKE = new FakeCoinbase();

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) { pointAt(registry, "coinbase", FAKE); }

    @Override FakeVenue fake() { return FAKE; }

    @Override String unknownKeyCode() { return "401"; }

    @Override String btcUsdt() { return FakeCoinbase.BTC_USDT; }

    @Override String buyFeeAsset() { return "USDT"; }

    /** A real EC key the venue never registered: the venue, not our PEM parser, must refuse it. */
    @Override String unknownKeySecret() { return UNKNOWN_PEM; }

    private static final String UNKNOWN_PEM = newEcKeyPem();

    private static String newEcKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
