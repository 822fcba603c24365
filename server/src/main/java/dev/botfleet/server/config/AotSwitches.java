package dev.botfleet.server.config;

import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an ahead-of-time start honest. The jar built with {@code -Paot} holds the application context as Spring's AOT
 * processing saw it at build time, with the defaults: Telegram, mail and Redis off. Their beans are switched by
 * configuration conditions, which AOT evaluates once, at build time. A start with
 * {@code -Dspring.aot.enabled=true} and one of them switched on would silently run without it; this falls back to
 * the ordinary start (conditions evaluated now) instead, and says why.
 */
public class AotSwitches implements EnvironmentPostProcessor {
    static final String AOT_FLAG = AotDetector.AOT_ENABLED;

    private final Log log;

    public AotSwitches(DeferredLogFactory logs) {
        this.log = logs.getLog(AotSwitches.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) return;
        List<String> on = switchedOn(environment);
        if (on.isEmpty()) return;
        // read by SpringApplication only after the environment is prepared; local properties win over -D
        SpringProperties.setProperty(AOT_FLAG, "false");
        log.warn("Starting without the ahead-of-time build although " + AOT_FLAG + "=true: it was made with "
                + String.join(", ", on) + " off (their beans are fixed at build time)");
    }

    /** The build-time switches this environment turns on, by name. */
    static List<String> switchedOn(ConfigurableEnvironment environment) {
        List<String> on = new ArrayList<>();
        for (String flag : List.of("botfleet.telegram.enabled", "botfleet.mail.enabled", "botfleet.redis.enabled")) {
            if (environment.getProperty(flag, Boolean.class, false)) on.add(flag);
        }
        // Spring's JavaMailSender (password-reset mail too) exists only with an SMTP host
        String host = environment.getProperty("spring.mail.host");
        if (host != null && !host.isBlank()) on.add("spring.mail.host");
        return on;
    }
}
