package dev.botfleet.server.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability on the embedded default: the packaged server on its default H2 file database runs paper scalpers and is
 * killed with SIGKILL right after the API has reported fills. Every fill the API reported before a kill must still be
 * reported after the restart (H2's default write delay lost such fills), and the database files are owner-only.
 */
class H2CrashRestartIT {
    private static final int BOTS = 3;
    private static final int KILLS = 3;
    /** Enough scalpers that the writers are busy, so that the stop meets writes under way. */
    private static final int STOPPING_BOTS = 24;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration TRADING = Duration.ofSeconds(40);

    private static Path dataDir;
    private static ServerProcess server;

    @BeforeAll
    static void freshDataDir() throws Exception {
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        String run = "h2-" + UUID.randomUUID().toString().substring(0, 8);
        dataDir = target.resolve("it-data/" + run);
        // the default datasource URL (H2 file under the data dir) is the point: only the data dir is set
        server = new ServerProcess(jar, target.resolve("it-logs/" + run), Map.of(
                "botfleet.data-dir", dataDir.toString(),
                "botfleet.sim.tick-interval", "20ms",
                "botfleet.password.bcrypt-strength", "4"));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) server.kill();
    }

    @Test
    void everyFillTheApiReportedSurvivesASigkill() throws Exception {
        server.start(STARTUP);
        ServerApi api = new ServerApi(server);
        String token = api.register("h2crash@example.com");
        List<String> bots = startScalpers(api, token, "h2-crash-", BOTS, new BigDecimal("0.0001"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("botfleet.mv.db")))
                .as("database file permissions").isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir)).as("data directory permissions")
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));

        for (int kill = 1; kill <= KILLS; kill++) {
            Set<String> seen = awaitMoreFills(api, token, bots, allFills(api, token, bots).size() + 4);
            server.kill();
            server.start(STARTUP);
            Set<String> after = allFills(api, token, bots);
            assertThat(after).as("fills after kill " + kill + " (the API had reported " + seen.size() + ")").containsAll(seen);
            for (String bot : bots) {
                assertThat(api.call("GET", "/api/v1/bots/" + bot, token).get("status").asString()).as("bot " + bot).isEqualTo("ACTIVE");
            }
        }
    }

    /**
     * A graceful stop (SIGTERM) while the bots trade: Spring stops the bots and drains the group commit before it closes
     * the pool, so nothing may find the database closed under it — H2's own shutdown hook (closing it at once, in
     * parallel with Spring's) did that to the writers' last batch and to the bots' last turns. Then every fill the API
     * reported is still there. Whether the stop meets a write under way is timing (it did in one of two runs without
     * the fix); {@code DefaultH2UrlTest} checks the shipped setting every time.
     */
    @Test
    void aGracefulStopClosesTheDatabaseOnlyAfterTheBotsAndTheirWrites() throws Exception {
        server.kill();  // the other test's last run, if it ran first
        server.start(STARTUP);
        ServerApi api = new ServerApi(server);
        String token = api.register("h2stop@example.com");
        List<String> bots = startScalpers(api, token, "h2-stop-", STOPPING_BOTS, new BigDecimal("0.00001"));
        Set<String> seen = awaitMoreFills(api, token, bots, 3 * STOPPING_BOTS);
        assertThat(server.stop(Duration.ofSeconds(60))).as("exit status after SIGTERM").isIn(0, 143);
        String log = Files.readString(server.log());
        assertThat(log).as("the stopped run's log").contains("Commencing graceful shutdown");
        String stopping = log.substring(log.indexOf("Commencing graceful shutdown"));
        assertThat(stopping).as("the log of the stop").doesNotContain("already closed").doesNotContain("not confirmed")
                .doesNotContain("not stored").doesNotContain("commit that failed").doesNotContain("failed handling");
        server.start(STARTUP);
        assertThat(allFills(api, token, bots)).as("fills after the graceful stop").containsAll(seen);
        server.kill();
    }

    /** Creates and starts {@code count} scalpers, the i-th with a spread of 0.0002 + i × {@code step}. */
    private static List<String> startScalpers(ServerApi api, String token, String name, int count, BigDecimal step)
            throws Exception {
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String bot = api.scalper(token, name + i, new BigDecimal("0.0002").add(step.multiply(BigDecimal.valueOf(i))));
            api.call("POST", "/api/v1/bots/" + bot + "/start", token);
            bots.add(bot);
        }
        return bots;
    }

    /** Polls the API until it reports at least {@code atLeast} fills; returns exactly what the last answer reported. */
    private Set<String> awaitMoreFills(ServerApi api, String token, List<String> bots, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TRADING.toNanos();
        Set<String> seen = allFills(api, token, bots);
        while (seen.size() < atLeast) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + atLeast + " fills: " + seen.size());
            seen = allFills(api, token, bots);
        }
        return seen;
    }

    private Set<String> allFills(ServerApi api, String token, List<String> bots) throws Exception {
        Set<String> fills = new LinkedHashSet<>();
        for (String bot : bots) {
            for (String fill : api.fills(token, bot)) fills.add(bot + " " + fill);
        }
        return fills;
    }
}
