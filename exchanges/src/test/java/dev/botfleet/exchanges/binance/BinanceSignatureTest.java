package dev.botfleet.exchanges.binance;

import dev.botfleet.exchanges.http.SentBody;
import dev.botfleet.exchanges.http.RestCall;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature examples Binance publishes, reproduced with our signer: key, secret, payload and expected signature
 * are copied from github.com/binance/binance-spot-api-docs (rest-api.md "SIGNED Endpoint Examples for POST
 * /api/v3/order" → "HMAC Keys"; web-socket-api.md "SIGNED request example (HMAC)"; the mixed query/body example is
 * rest-api.md's "Example 3" as published until 2025-12, commit f83a5bf reworded the section).
 */
class BinanceSignatureTest {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final long TIMESTAMP = 1499827319559L;

    private static Map<String, String> order(String symbol) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("side", "BUY");
        p.put("type", "LIMIT");
        p.put("timeInForce", "GTC");
        p.put("quantity", "1");
        p.put("price", "0.1");
        return p;
    }

    @Test
    void restHmacExampleAsAFormBody() {
        HttpRequest request = new BinanceSigner(API_KEY, SECRET, 5000).build("https://api.binance.com",
                RestCall.newOrder("POST", "/api/v3/order", order("LTCBTC"), null, 1), TIMESTAMP);

        assertThat(SentBody.of(request)).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(request.uri().toString()).isEqualTo("https://api.binance.com/api/v3/order");
        assertThat(request.headers().firstValue("X-MBX-APIKEY")).hasValue(API_KEY);
        assertThat(request.headers().firstValue("Content-Type")).hasValue("application/x-www-form-urlencoded");
    }

    @Test
    void restHmacExampleAsAQueryString() {
        HttpRequest request = new BinanceSigner(API_KEY, SECRET, 5000).build("https://api.binance.com",
                RestCall.signedIdempotent("DELETE", "/api/v3/order", order("LTCBTC"), null, 1), TIMESTAMP);

        assertThat(request.uri().getRawQuery()).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void restHmacExampleWithANonAsciiSymbolIsSignedPercentEncoded() {
        HttpRequest request = new BinanceSigner(API_KEY, SECRET, 5000).build("https://api.binance.com",
                RestCall.newOrder("POST", "/api/v3/order", order("１２３４５６"), null, 1), TIMESTAMP);

        assertThat(SentBody.of(request)).startsWith("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&")
                .endsWith("&signature=e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
    }

    @Test
    void mixedQueryAndBodyAreSignedConcatenatedWithoutSeparator() {
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        assertThat(BinanceSigner.hmacHex(SECRET, query + body))
                .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void webSocketApiHmacExamples() {
        BinanceSigner signer = new BinanceSigner(API_KEY, SECRET, 5000);
        Map<String, String> ascii = new LinkedHashMap<>();
        ascii.put("symbol", "BTCUSDT");
        ascii.put("side", "SELL");
        ascii.put("type", "LIMIT");
        ascii.put("timeInForce", "GTC");
        ascii.put("quantity", "0.01000000");
        ascii.put("price", "52000.00");
        ascii.put("recvWindow", "100");
        ascii.put("timestamp", "1645423376532");
        ascii.put("apiKey", API_KEY);

        assertThat(BinanceSigner.sortedPayload(ascii)).isEqualTo("apiKey=" + API_KEY
                + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC"
                + "&timestamp=1645423376532&type=LIMIT");
        assertThat(signer.wsSignature(ascii)).isEqualTo("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24");

        Map<String, String> nonAscii = new LinkedHashMap<>(ascii);
        nonAscii.put("symbol", "１２３４５６");
        nonAscii.put("side", "BUY");
        nonAscii.put("quantity", "1.00000000");
        nonAscii.put("price", "0.10000000");
        nonAscii.put("recvWindow", "5000");
        assertThat(signer.wsSignature(nonAscii)).isEqualTo("b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd");
    }

    @Test
    void theSignerNeverShowsItsSecrets() {
        assertThat(new BinanceSigner(API_KEY, SECRET, 5000).toString()).doesNotContain(API_KEY).doesNotContain(SECRET);
    }

}
