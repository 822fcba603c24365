package dev.botfleet.dex.tx;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real HTTP: a local JSON-RPC endpoint that answers 503 a chosen number of times, then eth_blockNumber = 0x2a. */
class RpcGuardTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failuresLeft;
    private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);
    private volatile java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
    private Web3j web3j;
    private final List<Duration> waits = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failuresLeft > 0) {
                failuresLeft--;
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2a\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        web3j = Web3j.build(new HttpService("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        hold.countDown();
        web3j.shutdown();
        server.stop(0);
    }

    private RpcGuard guard(int attempts, int threshold) {
        return new RpcGuard(new RpcGuard.Settings(attempts, Duration.ofMillis(100), Duration.ofMillis(350), threshold,
                Duration.ofSeconds(30)), clock, waits::add, null);
    }

    private BigInteger blockNumber(RpcGuard guard) throws IOException {
        return guard.call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber();
    }

    @Test
    void retriesWithExponentialBackoffUntilTheNodeAnswers() throws IOException {
        failuresLeft = 3;
        assertThat(blockNumber(guard(5, 10))).isEqualTo(BigInteger.valueOf(42));
        assertThat(requests.get()).isEqualTo(4);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(350));
    }

    @Test
    void givesUpAfterTheAttemptsWithTheCause() {
        failuresLeft = 10;
        assertThatThrownBy(() -> blockNumber(guard(3, 10)))
                .isInstanceOf(IOException.class).hasMessageContaining("after 3 attempts").hasMessageContaining("503");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void theCircuitOpensFailsFastThenOneTrialClosesIt() throws IOException {
        failuresLeft = 100;
        RpcGuard guard = guard(2, 4);
        assertThatThrownBy(() -> blockNumber(guard)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> blockNumber(guard)).isInstanceOf(IOException.class);
        assertThat(guard.state()).isEqualTo(RpcGuard.State.OPEN);
        int sent = requests.get();
        assertThat(sent).isEqualTo(4);

        assertThatThrownBy(() -> blockNumber(guard)).isInstanceOf(CircuitOpenException.class);
        assertThat(requests.get()).as("an open circuit sends nothing").isEqualTo(sent);

        clock.advance(Duration.ofSeconds(31));
        assertThat(guard.state()).isEqualTo(RpcGuard.State.HALF_OPEN);
        // the trial fails: open again at once, no second attempt
        assertThatThrownBy(() -> blockNumber(guard)).isInstanceOf(CircuitOpenException.class);
        assertThat(requests.get()).isEqualTo(sent + 1);

        failuresLeft = 0;
        clock.advance(Duration.ofSeconds(31));
        assertThat(blockNumber(guard)).isEqualTo(BigInteger.valueOf(42));
        assertThat(guard.state()).isEqualTo(RpcGuard.State.CLOSED);
    }

    @Test
    void halfOpenLetsOneTrialThroughAtATime() throws Exception {
        failuresLeft = 100;
        RpcGuard guard = guard(1, 1);
        assertThatThrownBy(() -> blockNumber(guard)).isInstanceOf(IOException.class);
        assertThat(guard.state()).isEqualTo(RpcGuard.State.OPEN);
        clock.advance(Duration.ofSeconds(31));
        failuresLeft = 0;
        hold = new java.util.concurrent.CountDownLatch(1);
        arrived = new java.util.concurrent.CountDownLatch(1);
        int before = requests.get();

        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var trial = pool.submit(() -> blockNumber(guard));
            assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // the trial is held at the server: a second caller must not become a second trial
            assertThatThrownBy(() -> blockNumber(guard)).isInstanceOf(CircuitOpenException.class);
            hold.countDown();
            assertThat(trial.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(BigInteger.valueOf(42));
        }
        assertThat(requests.get()).isEqualTo(before + 1);
        assertThat(guard.state()).isEqualTo(RpcGuard.State.CLOSED);
    }

    @Test
    void jitterStaysWithinHalfADelay() {
        RpcGuard jittered = new RpcGuard(new RpcGuard.Settings(5, Duration.ofMillis(100), Duration.ofSeconds(5), 10,
                Duration.ofSeconds(1)), clock, waits::add, new java.util.Random(7));
        for (int retry = 0; retry < 4; retry++) {
            long exact = 100L << retry;
            assertThat(jittered.delay(retry).toMillis()).isBetween(exact, exact + exact / 2);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T20:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
