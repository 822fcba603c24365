package dev.botfleet.server.bot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class BotRuntimeConfig {
    /** Replaced by any other {@link BotRuntime} bean (the trading runtime's). */
    @Bean
    @ConditionalOnMissingBean(BotRuntime.class)
    BotRuntime idleBotRuntime() {
        return new IdleBotRuntime();
    }
}
