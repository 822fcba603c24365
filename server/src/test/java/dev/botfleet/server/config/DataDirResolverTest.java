package dev.botfleet.server.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirResolverTest {
    private static StandardEnvironment resolved(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DataDirResolver().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void aRelativeDataDirBecomesAbsoluteEverywhereItIsUsed() {
        StandardEnvironment env = resolved(Map.of("botfleet.data-dir", "some/data",
                "spring.datasource.url", "jdbc:h2:file:${botfleet.data-dir}/botfleet;MODE=PostgreSQL"));
        String expected = Path.of("some/data").toAbsolutePath().normalize().toString();
        assertThat(env.getProperty("botfleet.data-dir")).isEqualTo(expected);
        // H2 refuses "jdbc:h2:file:some/data/botfleet" (implicitly relative); the resolved URL is absolute
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + expected + "/botfleet;MODE=PostgreSQL");
    }

    @Test
    void dotSlashFormsAreNormalisedAndAbsolutePathsKept() {
        assertThat(resolved(Map.of("botfleet.data-dir", "./data")).getProperty("botfleet.data-dir"))
                .isEqualTo(Path.of("data").toAbsolutePath().toString());
        assertThat(resolved(Map.of("botfleet.data-dir", "/var/lib/botfleet")).getProperty("botfleet.data-dir"))
                .isEqualTo("/var/lib/botfleet");
        assertThat(resolved(Map.of()).getProperty("botfleet.data-dir")).isNull();
    }
}
