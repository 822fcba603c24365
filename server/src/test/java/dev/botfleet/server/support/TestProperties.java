package dev.botfleet.server.support;

/** Properties every API test context shares (same values, so Spring caches one context per database). */
final class TestProperties {
    static final String DATA_DIR = "botfleet.data-dir=target/test-data";
    static final String FAST_BCRYPT = "botfleet.password.bcrypt-strength=4";
    static final String DEBUG_LOGS = "logging.level.dev.botfleet=DEBUG";
    /** A fast sim market (20 ticks a second, a simulated minute per real second) so bots trade within seconds. */
    static final String FAST_SIM = "botfleet.sim.tick-interval=50ms";
    static final String H2_URL = "spring.datasource.url=jdbc:h2:mem:botfleet-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private TestProperties() {
    }
}
