package dev.botfleet.server.bot;

/** PAPER: simulated fills; LIVE: real orders on the exchange (needs a live adapter and a stored API key). */
public enum BotMode {
    PAPER, LIVE
}
