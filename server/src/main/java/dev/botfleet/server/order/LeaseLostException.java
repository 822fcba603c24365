package dev.botfleet.server.order;

/**
 * A bot's journal write in a cluster found the shard's lease gone (expired, or taken by another node with a newer
 * epoch): nothing was written, and an order intent that was not journaled must not be sent. The bot's session ends
 * without touching its status.
 */
public final class LeaseLostException extends RuntimeException {
    private final LeaseFence fence;

    public LeaseLostException(LeaseFence fence, String clientOrderId) {
        super("lease of shard " + fence.shard() + " (epoch " + fence.epoch() + ") is no longer held by " + fence.owner()
                + ": " + clientOrderId + " not journaled, nothing sent");
        this.fence = fence;
    }

    public LeaseFence fence() {
        return fence;
    }
}
