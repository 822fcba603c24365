package dev.botfleet.server.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an API handler: everything its response shows of the bots' rows comes from a read model that keeps only stored
 * rows (bot.BotDirectory, which waits out the commit steps itself), so on H2 the response waits for no commit step
 * (config.H2ShownOnceStored).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StoredOnly {
}
