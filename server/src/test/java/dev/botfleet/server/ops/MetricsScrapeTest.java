package dev.botfleet.server.ops;

import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus}: who may scrape it, and that a trading paper bot shows in every meter — by label only. */
@OnOpsH2
class MetricsScrapeTest extends RuntimeTestBase {
    private static final String TOKEN = "Bearer " + OnOpsH2.SCRAPE_TOKEN;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, String> SIM_PAPER = Map.of("exchange", "sim", "mode", "PAPER");

    @Test
    void onlyTheScrapeTokenOpensTheEndpoint() {
        Scrape none = Scrape.of(mvc, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text()).doesNotContain("botfleet_");
        assertThat(Scrape.of(mvc, "Bearer wrong-token").status()).isEqualTo(401);
        assertThat(Scrape.of(mvc, OnOpsH2.SCRAPE_TOKEN).status()).as("the token without 'Bearer '").isEqualTo(401);
        // a user's login token is not a scrape token
        assertThat(Scrape.of(mvc, "Bearer " + newUser().token()).status()).isEqualTo(401);
        Scrape ok = Scrape.of(mvc, TOKEN);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.named("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(ok.named("hikaricp_connections_active")).as("the JDBC pool (Spring's own meters)").isNotEmpty();
    }

    @Test
    void requestsAreTimedWithoutALongTaskTimerEach() {
        assertThat(get("/api/v1/bots", newUser()).status()).isEqualTo(200);
        Scrape scrape = Scrape.of(mvc, TOKEN);
        assertThat(scrape.samples()).filteredOn(s -> s.name().startsWith("http_server_requests_seconds")).isNotEmpty();
        // management.metrics.observations.ignored-meters: a long-task timer per request cost allocation, not read
        assertThat(scrape.samples()).filteredOn(s -> s.name().startsWith("http_server_requests_active")).isEmpty();
    }

    @Test
    void aTradingPaperBotShowsInEveryMeterWithoutBotOrUserLabels() throws Exception {
        Session user = newUser();
        String bot = start(user, scalper(user, "0.0005", "0.0005"));
        awaitFilling("a fill", user, bot, () -> get("/api/v1/bots/" + bot + "/stats", user).body(), s -> s.get("fills").asLong() >= 1);

        Scrape scrape = await("orders sent and filled in the scrape", () -> Scrape.of(mvc, TOKEN),
                s -> s.value("botfleet_fills_total", SIM_PAPER) >= 1 && s.value("botfleet_bots", Map.of("status", "ACTIVE")) >= 1
                        && s.value("botfleet_bots_running", Map.of()) >= 1
                        && s.value("botfleet_tick_to_decision_seconds_count", Map.of("exchange", "sim")) >= 1);
        post("/api/v1/bots/" + bot + "/stop", user, null);

        assertThat(scrape.value("botfleet_orders_sent_total", SIM_PAPER)).isGreaterThanOrEqualTo(1);
        // registered with the bot's exchange and mode, so they read 0 rather than missing
        assertThat(scrape.value("botfleet_orders_denied_total", SIM_PAPER)).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("botfleet_orders_rejected_total", SIM_PAPER)).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("botfleet_bots", Map.of("status", "STOPPED"))).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("botfleet_bots", Map.of("status", "ERROR"))).isGreaterThanOrEqualTo(0);
        assertThat(scrape.value("botfleet_tick_to_decision_seconds_bucket", Map.of("exchange", "sim", "le", "+Inf")))
                .as("a histogram").isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("botfleet_stream_clients", Map.of())).isGreaterThanOrEqualTo(0);

        // Binance points at a closed port: its instrument load failed, and the venue meters counted it
        Scrape venues = await("binance's failed requests", () -> Scrape.of(mvc, TOKEN),
                s -> s.value("botfleet_venue_errors_total", Map.of("venue", "binance", "kind", "UNAVAILABLE")) >= 1);
        assertThat(venues.value("botfleet_venue_requests_seconds_count", Map.of("venue", "binance", "outcome", "error")))
                .isGreaterThanOrEqualTo(1);
        assertThat(venues.value("botfleet_venue_rate_limit_waits_total", Map.of("venue", "binance", "source", "venue")))
                .isGreaterThanOrEqualTo(0);
        assertThat(venues.value("botfleet_venue_rate_limit_waits_total", Map.of("venue", "binance", "source", "client")))
                .isGreaterThanOrEqualTo(0);

        // cardinality: no label anywhere holds an id (bots and users are UUIDs), and ours carry only known labels
        assertThat(UUID.matcher(venues.text()).find()).as("a UUID in the scrape").isFalse();
        assertThat(venues.text()).doesNotContain(bot).doesNotContain(user.id().toString()).doesNotContain(user.email());
        for (Scrape.Sample s : venues.samples()) {
            if (s.name().startsWith("botfleet_")) {
                assertThat(s.labels().keySet()).as(s.name())
                        .isSubsetOf("exchange", "mode", "status", "venue", "kind", "outcome", "source", "le");
            }
        }
        // nor a secret
        for (String key : new String[] {"jwt.key", "master.key"}) {
            Path file = Path.of("target/test-data-ops", key);
            if (Files.exists(file)) assertThat(venues.text()).doesNotContain(Files.readString(file).trim());
        }
        assertThat(venues.text()).doesNotContain(OnOpsH2.SCRAPE_TOKEN);
    }
}
