package dev.botfleet.server.market;

import dev.botfleet.engine.market.Tick;

/** Somewhere besides the hub that keeps last prices (Redis when {@code botfleet.redis.enabled=true}). */
public interface LastPriceMirror {
    void onTick(Tick tick);
}
