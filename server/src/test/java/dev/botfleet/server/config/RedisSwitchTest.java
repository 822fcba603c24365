package dev.botfleet.server.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSwitchTest {
    private static String excludedWith(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new RedisSwitch().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty("spring.autoconfigure.exclude", "");
    }

    @Test
    void redisIsExcludedUnlessEnabled() {
        assertThat(excludedWith(Map.of())).contains("DataRedisAutoConfiguration").contains("DataRedisHealthContributorAutoConfiguration");
        assertThat(excludedWith(Map.of("spring.autoconfigure.exclude", "com.example.Other")))
                .contains("DataRedisAutoConfiguration").contains("com.example.Other");
        assertThat(excludedWith(Map.of("botfleet.redis.enabled", "true"))).doesNotContain("Redis");
    }
}
