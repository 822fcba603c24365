package dev.botfleet.server.market;

import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where bots' turns run: a virtual thread per turn, so blocking JDBC inside a turn parks only that thread. Shared by
 * the bots' mailboxes and the hub's tick shards, which hand a market's ticks to its idle bots on their own turn (one
 * task per shard of 64 bots and batch of ticks, instead of one per bot and tick). Not an {@code Executor} bean itself:
 * one would make Spring Boot drop its own task executor.
 */
@Component
public final class BotTurns {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Executor executor() {
        return executor;
    }
}
