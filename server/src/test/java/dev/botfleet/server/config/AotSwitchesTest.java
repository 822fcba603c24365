package dev.botfleet.server.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AotSwitchesTest {
    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }

    private static void postProcess(Map<String, Object> properties) {
        new AotSwitches(new DeferredLogs()).postProcessEnvironment(environment(properties), new SpringApplication());
    }

    @AfterEach
    void clearFlag() {
        SpringProperties.setProperty(AotSwitches.AOT_FLAG, null);
    }

    @Test
    void namesEverySwitchTheBuildFixedOff() {
        assertThat(AotSwitches.switchedOn(environment(Map.of()))).isEmpty();
        assertThat(AotSwitches.switchedOn(environment(Map.of("botfleet.telegram.enabled", "false",
                "spring.mail.host", " ")))).isEmpty();
        assertThat(AotSwitches.switchedOn(environment(Map.of("botfleet.telegram.enabled", "true",
                "botfleet.mail.enabled", "true", "botfleet.redis.enabled", "true", "spring.mail.host", "smtp.example.com"))))
                .containsExactly("botfleet.telegram.enabled", "botfleet.mail.enabled", "botfleet.redis.enabled",
                        "spring.mail.host");
    }

    @Test
    void anAotStartWithTelegramOnFallsBackToTheOrdinaryStart() {
        SpringProperties.setProperty(AotSwitches.AOT_FLAG, "true");
        postProcess(Map.of("botfleet.telegram.enabled", "true"));
        assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
    }

    @Test
    void anAotStartWithTheDefaultsStaysAot() {
        SpringProperties.setProperty(AotSwitches.AOT_FLAG, "true");
        postProcess(Map.of());
        assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
    }
}
