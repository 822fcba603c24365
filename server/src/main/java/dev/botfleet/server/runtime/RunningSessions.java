package dev.botfleet.server.runtime;

import dev.botfleet.engine.kernel.BotKernel;
import dev.botfleet.engine.runtime.BotCommand;
import dev.botfleet.engine.strategy.WarmupProgress;
import dev.botfleet.server.common.ApiException;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The bots running on this node, by id, and the commands and reads the API sends them. A bot whose stop was asked
 * takes none (its session may still be finishing its last turn). Starting and ending sessions is the
 * {@link TradingRuntime}'s.
 */
final class RunningSessions {
    private final Map<UUID, BotSession> sessions = new ConcurrentHashMap<>();
    /** How long a caller waits for the bot's turn. */
    private final Duration timeout;

    RunningSessions(Duration timeout) {
        this.timeout = timeout;
    }

    BotSession get(UUID botId) { return sessions.get(botId); }

    /** The bot's write-behind ({@link BotWrites}), or null when it does not run here or waits for its writes. */
    dev.botfleet.server.common.CommitLane.Backlog writesBehind(UUID botId) {
        BotSession session = sessions.get(botId);
        return session == null ? null : session.writesBehind;
    }

    void put(UUID botId, BotSession session) { sessions.put(botId, session); }

    BotSession remove(UUID botId) { return sessions.remove(botId); }

    /** Removes {@code session} only if it is still the bot's current one. */
    boolean remove(UUID botId, BotSession session) { return sessions.remove(botId, session); }

    boolean containsKey(UUID botId) { return sessions.containsKey(botId); }

    Collection<BotSession> values() { return sessions.values(); }

    int size() { return sessions.size(); }

    void clear() { sessions.clear(); }

    /** The running bot, or null when it does not run here or is stopping. */
    private BotSession running(UUID botId) {
        BotSession session = sessions.get(botId);
        return session == null || session.stopRequested ? null : session;
    }

    /** Queues {@code command} in the running bot's mailbox; false when it does not run here. */
    boolean command(UUID botId, BotCommand command) {
        BotSession session = running(botId);
        if (session == null || session.runner == null) return false;
        session.send(command);
        return true;
    }

    /** A manual cancel on the bot's turn: 409 when it does not run here, 503 when its turn does not come in time. */
    boolean cancel(UUID botId, String clientOrderId) {
        BotSession session = running(botId);
        if (session == null) {
            throw new ApiException.Conflict("The bot is not running, so it cannot cancel orders; start it first");
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        session.send(new BotCommand.Inspect(kernel -> done.complete(kernel.cancel(clientOrderId))));
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while canceling", e);
        } catch (TimeoutException e) {
            // the cancel stays queued in the bot's mailbox and may still be carried out: a repeat finds it done or closed
            throw new ApiException.BotBusy("The bot did not handle the cancel within " + timeout.toSeconds()
                    + " s (its turn is busy); it may still cancel the order, try again");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the bot failed handling the cancel", e.getCause());
        }
    }

    /** See {@link TradingRuntime#broadcast}. */
    int broadcast(String exchange, Function<String, BotCommand> command) {
        int sent = 0;
        for (BotSession session : sessions.values()) {
            if (session.stopRequested || session.kernel == null) continue;
            var instrument = session.kernel.instrument();  // immutable: safe to read off the bot's thread
            if (!instrument.exchange().equals(exchange)) continue;
            BotCommand c = command.apply(instrument.symbol());
            if (c == null) continue;
            session.send(c);
            sent++;
        }
        return sent;
    }

    /** See {@link TradingRuntime#inspect}. */
    <T> Optional<T> inspect(UUID botId, Function<BotKernel, T> read) {
        BotSession session = running(botId);
        if (session == null) return Optional.empty();
        CompletableFuture<T> done = new CompletableFuture<>();
        session.send(new BotCommand.Inspect(kernel -> done.complete(read.apply(kernel))));
        try {
            return Optional.ofNullable(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** The warm-up progress of a bot with a session here; empty when it needs none or has none. */
    Optional<WarmupProgress> warmup(UUID botId) {
        BotSession session = sessions.get(botId);
        if (session == null || session.kernel == null) return Optional.empty();
        WarmupProgress progress = session.kernel.warmupProgress();
        return progress.needed() == 0 ? Optional.empty() : Optional.of(progress);
    }
}
