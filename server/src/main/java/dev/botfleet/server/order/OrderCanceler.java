package dev.botfleet.server.order;

import java.util.UUID;

/** The running bot that owns an order (implemented by the runtime): cancels go through the bot's own turn. */
public interface OrderCanceler {
    /** @return false if the running bot has no such open order */
    boolean cancel(UUID botId, String clientOrderId);
}
