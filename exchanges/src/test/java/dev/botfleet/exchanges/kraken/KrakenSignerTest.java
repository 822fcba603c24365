package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.http.SentBody;
import dev.botfleet.exchanges.http.RestCall;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our signer against the worked example in Kraken's "Spot REST Authentication" guide
 * (https://docs.kraken.com/api/docs/guides/spot-rest-auth, "Examples": a limit buy of 1.25 XBTUSD at 37,500). The
 * private key there is Kraken's published sample, tied to no account.
 */
class KrakenSignerTest {
    private static final String DOC_PRIVATE_KEY =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private static final long DOC_NONCE = 1616492376594L;
    private static final String DOC_PAYLOAD =
            "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    private static final String DOC_URI_PATH = "/0/private/AddOrder";
    private static final String DOC_API_SIGN =
            "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";
    private static final String UA = "botfleet-test/1";

    @Test
    void theSignatureFunctionReproducesTheDocumentedExample() {
        assertThat(KrakenSigner.sign(KrakenSigner.decodeSecret(DOC_PRIVATE_KEY), DOC_URI_PATH,
                Long.toString(DOC_NONCE), DOC_PAYLOAD)).isEqualTo(DOC_API_SIGN);
    }

    @Test
    void aBuiltAddOrderRequestCarriesTheDocumentedBodyAndApiSign() throws Exception {
        // The nonce counter sits one below the documented nonce, so the next call gets exactly that nonce.
        KrakenSigner signer = new KrakenSigner("public-key", KrakenSigner.decodeSecret(DOC_PRIVATE_KEY), UA,
                new KrakenSigner.Nonces(DOC_NONCE - 1));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ordertype", "limit");
        params.put("pair", "XBTUSD");
        params.put("price", "37500");
        params.put("type", "buy");
        params.put("volume", "1.25");

        HttpRequest request = signer.build("https://api.kraken.com/0",
                RestCall.newOrder("POST", "/private/AddOrder", params, null, 1), 0);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().toString()).isEqualTo("https://api.kraken.com/0/private/AddOrder");
        assertThat(SentBody.of(request)).isEqualTo(DOC_PAYLOAD);
        assertThat(request.headers().firstValue("API-Sign")).contains(DOC_API_SIGN);
        assertThat(request.headers().firstValue("API-Key")).contains("public-key");
        assertThat(request.headers().firstValue("User-Agent")).contains(UA);
        assertThat(request.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void publicGetsAreUnsignedButCarryTheUserAgent() {
        HttpRequest request = KrakenSigner.publicOnly(UA).build("https://api.kraken.com/0",
                RestCall.publicGet("/public/Ticker", Map.of("pair", "XBTUSD"), 1), 123);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().toString()).isEqualTo("https://api.kraken.com/0/public/Ticker?pair=XBTUSD");
        assertThat(request.headers().firstValue("API-Key")).isEmpty();
        assertThat(request.headers().firstValue("API-Sign")).isEmpty();
        assertThat(request.headers().firstValue("User-Agent")).contains(UA);
    }

    @Test
    void aPublicOnlySignerRefusesPrivateCalls() {
        assertThatThrownBy(() -> KrakenSigner.publicOnly(UA).build("https://api.kraken.com/0",
                RestCall.signedIdempotent("POST", "/private/Balance", Map.of(), null, 1), 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noncesStayAheadWhenTheClockRepeatsOrStepsBack() {
        KrakenSigner.Nonces nonces = new KrakenSigner.Nonces(1000);
        assertThat(nonces.next(5000)).isEqualTo(5000);
        assertThat(nonces.next(5000)).isEqualTo(5001); // same millisecond
        assertThat(nonces.next(4000)).isEqualTo(5002); // clock stepped back
        assertThat(nonces.next(9000)).isEqualTo(9000); // time moved on: back to the clock
    }

    @Test
    void noncesStrictlyIncreaseUnderConcurrentCallsThroughTheSigner() throws Exception {
        KrakenSigner signer = KrakenSigner.forKey("concurrency-key-" + System.nanoTime(), DOC_PRIVATE_KEY, UA);
        int threads = 8;
        int perThread = 500;
        long now = System.currentTimeMillis(); // every call in the same "millisecond": only the counter separates them
        CountDownLatch start = new CountDownLatch(1);
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        HttpRequest r = signer.build("https://api.kraken.com/0",
                                RestCall.signedIdempotent("POST", "/private/Balance", Map.of(), null, 1), now);
                        mine.add(Long.parseLong(SentBody.of(r).substring("nonce=".length())));
                    }
                    // Within one thread (one caller), each nonce is strictly above the previous one.
                    for (int i = 1; i < mine.size(); i++) assertThat(mine.get(i)).isGreaterThan(mine.get(i - 1));
                    seen.addAll(mine);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        }
        assertThat(seen).hasSize(threads * perThread);
        assertThat(new HashSet<>(seen)).hasSize(threads * perThread); // no nonce handed out twice
    }

    @Test
    void twoSignersForOneKeyShareItsNonceCounter() throws Exception {
        String key = "shared-key-" + System.nanoTime();
        KrakenSigner a = KrakenSigner.forKey(key, DOC_PRIVATE_KEY, UA);
        KrakenSigner b = KrakenSigner.forKey(key, DOC_PRIVATE_KEY, UA);
        RestCall balance = RestCall.signedIdempotent("POST", "/private/Balance", Map.of(), null, 1);
        long first = Long.parseLong(SentBody.of(a.build("https://api.kraken.com/0", balance, 1)).substring(6));
        long second = Long.parseLong(SentBody.of(b.build("https://api.kraken.com/0", balance, 1)).substring(6));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void theSecretNeverAppearsInToStringOrErrors() {
        KrakenSigner signer = KrakenSigner.forKey("my-public-key", DOC_PRIVATE_KEY, UA);
        assertThat(signer.toString()).doesNotContain(DOC_PRIVATE_KEY).doesNotContain("my-public-key")
                .doesNotContain(DOC_PRIVATE_KEY.substring(0, 12));

        String badSecret = "not base64 at all!!" + DOC_PRIVATE_KEY.substring(0, 20);
        assertThatThrownBy(() -> KrakenSigner.forKey("k", badSecret, UA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid base64")
                .message().doesNotContain(badSecret).doesNotContain(DOC_PRIVATE_KEY.substring(0, 20));
    }

}
