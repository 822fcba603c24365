package dev.botfleet.server.dex;

import dev.botfleet.server.support.StreamReceiver;
import dev.botfleet.dex.chain.Abi;
import dev.botfleet.dex.chain.Erc20;
import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.chain.TransactionSender;
import dev.botfleet.dex.mempool.PendingSender;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.server.support.TestClockConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.botfleet.dex.chain.Abi.addr;
import static dev.botfleet.dex.chain.Abi.u256;
import static dev.botfleet.dex.uniswap.LocalUniswap.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code "mempool"} message on the event stream, over a real WebSocket against a real server and a real local
 * chain: a competitor's pending swap on a running DEX bot's pool reaches the bot's owner, and nobody else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.registration.max-per-address=1000",
        "spring.datasource.url=jdbc:h2:mem:botfleet-mempool-stream;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(TestClockConfig.class)
class MempoolStreamTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static LocalChain chain;
    private static LocalUniswap uniswap;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<WebSocket> sockets = new ArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void localNetwork(DynamicPropertyRegistry registry) {
        if (chain == null) {
            chain = LocalChain.start();
            uniswap = LocalUniswap.deploy(chain);
        }
        LocalDexNetwork.register(registry, "local", chain, uniswap);
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) chain.close();
        chain = null;
        uniswap = null;
    }

    @AfterEach
    void closeSocketsAndMine() {
        for (WebSocket s : sockets) s.abort();
        chain.startMining();
        chain.mine();
    }

    @Test
    void aCompetingPendingSwapIsPushedToTheBotsOwnerAsAMempoolMessage() throws Exception {
        String token = register();
        String other = register();
        StreamReceiver mine = new StreamReceiver();
        StreamReceiver theirs = new StreamReceiver();
        connect(token, mine);
        connect(other, theirs);
        String bot = call("POST", "/api/v1/dex/bots", token, """
                {"name":"streamed","network":"local","baseToken":"%s","quoteToken":"%s","strategy":"simple-dca",
                 "config":{"intervalMinutes":60,"orderAmount":"100","maxPositionAmount":"1000","takeProfitPercent":"0"}}"""
                .formatted(uniswap.weth(), uniswap.usdc)).get("bot").get("id").asString();
        call("POST", "/api/v1/bots/" + bot + "/start", token, null);
        next(mine, m -> m.get("type").asString().equals("bot") && m.get("data").get("status").asString().equals("ACTIVE"));

        TransactionSender competitor = uniswap.wallet(chain.accounts().get(3));
        uniswap.fund(competitor, ETHER.multiply(BigInteger.TWO), BigInteger.ZERO);
        competitor.send(uniswap.weth(), Erc20.approve(uniswap.contracts.v2Router(), ETHER.multiply(BigInteger.TWO)),
                BigInteger.ZERO);
        chain.stopMining();
        String hash = PendingSender.send(chain, chain.accounts().get(3), uniswap.contracts.v2Router(), Abi.call(
                "swapExactTokensForTokens(uint256,uint256,address[],address,uint256)", u256(ETHER.multiply(BigInteger.TWO)),
                u256(0), new DynamicArray<>(Address.class, addr(uniswap.weth()), addr(uniswap.usdc)),
                addr(competitor.address()), u256(Instant.now().plusSeconds(600).getEpochSecond())), BigInteger.ZERO);

        JsonNode pushed = next(mine, m -> m.get("type").asString().equals("mempool")).get("data");
        assertThat(pushed.get("botId").asString()).isEqualTo(bot);
        assertThat(pushed.get("txHash").asString()).isEqualTo(hash);
        assertThat(pushed.get("kind").asString()).isEqualTo("SWAP");
        assertThat(pushed.get("amount").asString()).isEqualTo("2");
        assertThat(pushed.get("amountToken").asString()).isEqualTo("WETH");
        assertThat(pushed.get("pool").asString()).isEqualTo("V2");
        for (String text : drain(theirs)) assertThat(text).doesNotContain("\"mempool\"");
    }

    private List<String> drain(StreamReceiver received) throws InterruptedException {
        List<String> all = new ArrayList<>();
        for (String text = received.messages.poll(500, TimeUnit.MILLISECONDS); text != null;
             text = received.messages.poll(100, TimeUnit.MILLISECONDS)) {
            all.add(text);
        }
        return all;
    }

    private JsonNode next(StreamReceiver received, java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String text = received.messages.poll(100, TimeUnit.MILLISECONDS);
            if (text == null) continue;
            JsonNode message = json.readTree(text);
            if (wanted.test(message)) return message;
            if (seen.size() < 50) seen.add(text);
        }
        throw new AssertionError("No wanted message within " + DEADLINE + "; saw " + seen);
    }

    private void connect(String token, StreamReceiver listener) throws Exception {
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/api/v1/stream?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), listener).join();
        sockets.add(socket);
        // the first message says the server registered the session: after it, the session receives the user's events
        assertThat(listener.messages.poll(DEADLINE.toSeconds(), TimeUnit.SECONDS)).contains("\"type\":\"ready\"");
    }

    private String register() throws Exception {
        String email = "m" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct-horse-9\"}";
        call("POST", "/api/v1/auth/register", null, body);
        return call("POST", "/api/v1/auth/login", null, body).get("token").asString();
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? null : json.readTree(response.body());
    }
}
