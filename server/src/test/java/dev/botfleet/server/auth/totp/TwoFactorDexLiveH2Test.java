package dev.botfleet.server.auth.totp;

import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Require 2FA for LIVE" covers LIVE DEX bots too: POST /api/v1/dex/bots in LIVE mode needs a fresh code, asked after
 * the body is valid and before the chain is. The network's node here does not answer (port 9), so a request that got
 * past the code ends in 502 — which is how the test sees that a valid code was accepted without a chain.
 */
@OnH2
class TwoFactorDexLiveH2Test extends TwoFactorTestBase {
    private static final String WETH = "0x" + "c0".repeat(20);
    private static final String USDC = "0x" + "a0".repeat(20);

    @DynamicPropertySource
    static void deadNetwork(DynamicPropertyRegistry registry) {
        String p = "botfleet.dex.networks.nodeless.";
        registry.add(p + "chain-id", () -> "31337");
        registry.add(p + "rpc-url", () -> "http://127.0.0.1:9");
        registry.add(p + "ws-url", () -> "ws://127.0.0.1:9");
        registry.add(p + "weth", () -> WETH);
        String[] contracts = {"v2-factory", "v2-router", "v3-factory", "v3-swap-router", "v3-quoter"};
        for (int i = 0; i < contracts.length; i++) {
            String address = "0x" + ("b" + (i + 1)).repeat(20);  // any address: nothing is ever called
            registry.add(p + contracts[i], () -> address);
        }
    }

    @Test
    void aLiveDexBotNeedsAFreshCodeWhenTheUserRequiresIt() {
        Enrolled e = enrol(newUser());
        Session user = e.session();
        Answer key = postWithCode("/api/v1/wallet-keys", user, Map.of("privateKey", "4f".repeat(32)), null);
        assertThat(key.status()).as(String.valueOf(key.body())).isEqualTo(201);
        assertThat(requirements(user, true, false, null).status()).isEqualTo(200);
        Map<String, Object> live = dexBot("LIVE", key.body().get("id").asString());

        Map<String, Object> invalid = new HashMap<>(live);
        invalid.put("baseToken", "0x12");
        assertProblem(postWithCode("/api/v1/dex/bots", user, invalid, null), 400, "VALIDATION_ERROR");  // body first
        assertProblem(postWithCode("/api/v1/dex/bots", user, live, null), 403, "TOTP_REQUIRED");
        assertProblem(postWithCode("/api/v1/dex/bots", user, live, wrongCode(e.secret())), 403, "TOTP_INVALID");
        // a valid code lets the request through to the chain, whose node is down here
        assertProblem(postWithCode("/api/v1/dex/bots", user, live, freshCode(e.secret())), 502, "VENUE_UNAVAILABLE");
        // paper needs no code
        assertProblem(postWithCode("/api/v1/dex/bots", user, dexBot("PAPER", null), null), 502, "VENUE_UNAVAILABLE");
    }

    private static Map<String, Object> dexBot(String mode, String walletKeyId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "2fa dex bot", "network", "nodeless", "baseToken", WETH,
                "quoteToken", USDC, "strategy", "simple-dca", "mode", mode, "config", Map.of("intervalMinutes", 60,
                        "orderAmount", "100", "maxPositionAmount", "1000", "takeProfitPercent", "0")));
        if (walletKeyId != null) body.put("walletKeyId", walletKeyId);
        return body;
    }
}
