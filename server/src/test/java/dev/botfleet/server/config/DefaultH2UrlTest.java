package dev.botfleet.server.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's two durability settings, as shipped in application.yml. Both fail only under timing that a
 * test cannot force every time (H2CrashRestartIT shows each when it happens), so the shipped URL itself is checked.
 */
class DefaultH2UrlTest {
    @Test
    void theDefaultH2UrlWritesEveryCommitAndLeavesClosingToTheApplication() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        String url = sources.stream().map(s -> s.getProperty("spring.datasource.url")).filter(java.util.Objects::nonNull)
                .map(Object::toString).findFirst().orElseThrow();
        assertThat(url).startsWith("jdbc:h2:file:")
                // a commit reaches the file before it returns: a reported fill survives a SIGKILL
                .contains(";WRITE_DELAY=0")
                // H2's own shutdown hook would close the database beside Spring's, under the bots' last writes
                .contains(";DB_CLOSE_ON_EXIT=FALSE");
    }
}
