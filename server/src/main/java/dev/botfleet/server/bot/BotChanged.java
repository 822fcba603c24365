package dev.botfleet.server.bot;

import java.util.UUID;

/** A bot's status, pnl or trades changed (published as an application event; the event stream pushes the bot). */
public record BotChanged(UUID ownerId, UUID botId) {
}
