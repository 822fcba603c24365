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
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < BOTS; i++) {
            String bot = api.scalper(token, "h2-crash-" + i, new BigDecimal("0.0002").add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(i))));
            api.call("POST", "/api/v1/bots/" + bot + "/start", token);
            bots.add(bot);
        }
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
