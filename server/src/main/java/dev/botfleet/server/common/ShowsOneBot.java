package dev.botfleet.server.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an API handler: its response shows stored rows of one bot only — the bot named by the {@code {id}} path variable
 * (its own row, orders, fills, positions, deals). On H2 such a response waits only for the commit steps that write
 * that bot's rows, not for every bot's (config.H2ShownOnceStored): a bot's writes all take its own group-commit lane.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ShowsOneBot {
}
