package dev.botfleet.dex.tx;

import com.sun.net.httpserver.HttpServer;
import dev.botfleet.dex.chain.LocalChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer to eth_sendRawTransaction lost on the way back: a real HTTP proxy in front of ganache forwards the first
 * send, then answers 502 instead of ganache's reply. The guard retries the same bytes; the node, which already mined
 * them, refuses the retry — and the manager, asking by hash, knows it was sent: one transaction, no error to the bot.
 */
class TxLostAnswerChainTest {

    static LocalChain chain;
    static HttpServer proxy;
    static final AtomicInteger sendsToLose = new AtomicInteger();
    static final AtomicInteger sendsForwarded = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        chain = LocalChain.start();
        HttpClient http = HttpClient.newHttpClient();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean send = new String(body, StandardCharsets.UTF_8).contains("eth_sendRawTransaction");
            try {
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(chain.rpcUrl()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (send) {
                    sendsForwarded.incrementAndGet();
                }
                if (send && sendsToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(502, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        proxy.start();
    }

    @AfterAll
    static void stop() {
        proxy.stop(0);
        chain.close();
    }

    @Test
    void aLostAnswerIsRetriedAndRecognisedNotSentTwice() throws Exception {
        Web3j viaProxy = Web3j.build(new HttpService("http://127.0.0.1:" + proxy.getAddress().getPort()));
        try {
            ChainFixture direct = new ChainFixture(chain);
            RpcGuard guard = new RpcGuard(new RpcGuard.Settings(3, Duration.ofMillis(20), Duration.ofMillis(100), 10,
                    Duration.ofSeconds(5)), Clock.systemUTC(), d -> Thread.sleep(d), null);
            ChainClient client = new ChainClient(viaProxy, guard);
            Credentials wallet = chain.accounts().get(1);
            String to = chain.accounts().get(2).getAddress();
            TxJournal journal = ChainFixture.journal(dir);
            direct.warmUp(direct.manager(wallet, journal, direct.client), journal);
            TxManager manager = new TxManager(chain.chainId(), wallet, journal, new NonceManager(journal, client),
                    client, client, Clock.systemUTC());
            BigInteger mined = direct.minedCount(wallet.getAddress());
            BigInteger recipientBefore = direct.balance(to);
            sendsForwarded.set(0);

            sendsToLose.set(1);
            TxRecord sent = manager.submit(TxRequest.transfer(to, BigInteger.TEN.pow(18)), direct.fees());

            assertThat(sendsForwarded.get()).as("the first answer was lost, the same bytes went again").isEqualTo(2);
            assertThat(sent.status()).isEqualTo(TxStatus.SENT);
            assertThat(direct.tracker(journal, 1).awaitOutcome(sent.hash(), direct.timeout(), Duration.ofMillis(50))
                    .status()).isEqualTo(TxStatus.CONFIRMED);
            assertThat(direct.minedCount(wallet.getAddress())).isEqualTo(mined.add(BigInteger.ONE));
            assertThat(direct.balance(to)).isEqualTo(recipientBefore.add(BigInteger.TEN.pow(18)));
        } finally {
            viaProxy.shutdown();
        }
    }
}
