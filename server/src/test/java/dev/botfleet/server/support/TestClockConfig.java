package dev.botfleet.server.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test doubles every API test context shares (same beans, so one cached context per database). */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
