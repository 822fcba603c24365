package dev.botfleet.server.bot;

public enum BotStatus {
    ACTIVE, STOPPED, ERROR
}
