package dev.botfleet.server.ops;

import dev.botfleet.server.support.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operations tests' context (one, shared by the Metrics* and Health* classes): its own H2 database (so its runtime
 * never resumes another context's bots), a scrape token, and of the venues only Binance, pointed at a closed port.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(properties = {
        "botfleet.data-dir=target/test-data-ops",
        "botfleet.password.bcrypt-strength=4",
        "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-ops;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "botfleet.metrics.scrape-token=" + OnOpsH2.SCRAPE_TOKEN,
        "botfleet.venues.binance.rest=http://127.0.0.1:1",
        "botfleet.venues.bybit.enabled=false",
        "botfleet.venues.kraken.enabled=false",
        "botfleet.venues.coinbase.enabled=false",
        "botfleet.venues.coindcx.enabled=false",
        "botfleet.venues.delta.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
@interface OnOpsH2 {
    String SCRAPE_TOKEN = "scrape-secret-7f3a";
}
