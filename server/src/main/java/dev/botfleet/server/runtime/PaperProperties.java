package dev.botfleet.server.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Paper accounts: each paper bot trades its own simulated account, which starts with {@code quoteBalance} of the
 * quote asset and the same value of the base asset at the market's start price (so a sell-first bot can sell).
 */
@ConfigurationProperties("botfleet.paper")
public record PaperProperties(@DefaultValue("10000") BigDecimal quoteBalance,
                              @DefaultValue("5") int maxConsecutiveRejections) {
}
