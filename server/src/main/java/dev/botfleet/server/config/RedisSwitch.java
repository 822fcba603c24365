package dev.botfleet.server.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redis is optional: unless {@code botfleet.redis.enabled=true}, its auto-configuration (connection factory, health
 * check) is excluded so the server starts and reports healthy without a Redis server.
 */
public class RedisSwitch implements EnvironmentPostProcessor {
    static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("botfleet.redis.enabled", Boolean.class, false)) return;
        List<String> excluded = new ArrayList<>(REDIS_AUTO_CONFIGURATIONS);
        String existing = environment.getProperty("spring.autoconfigure.exclude");
        if (existing != null && !existing.isBlank()) excluded.add(existing);
        environment.getPropertySources().addFirst(new MapPropertySource("botfleetRedisSwitch",
                Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }
}
