package dev.botfleet.server.support;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotRuntime;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the trading runtime in API tests: records every command, and fails to start bots whose name begins
 * with "explode" (to prove a runtime failure leaves the bot as it was).
 */
public class RecordingBotRuntime implements BotRuntime {
    public record Command(String action, UUID botId, String reason) {
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Override
    public void start(Bot bot) {
        if (bot.name().startsWith("explode")) throw new IllegalStateException("runtime refused bot " + bot.id());
        commands.add(new Command("start", bot.id(), null));
    }

    @Override
    public void stop(Bot bot, String reason) {
        commands.add(new Command("stop", bot.id(), reason));
    }

    public List<Command> commandsFor(UUID botId) {
        return commands.stream().filter(c -> c.botId().equals(botId)).toList();
    }
}
