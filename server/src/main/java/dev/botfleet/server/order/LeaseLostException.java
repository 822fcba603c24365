package dev.botfleet.server.order;

/**
 * The fenced insert of an order intent found the shard's lease gone (expired, or taken by another node with a newer
 * epoch): the order was not journaled and must not be sent. The bot's session ends without touching its status.
 */
public final class LeaseLostException extends RuntimeException {
    private final LeaseFence fence;

    public LeaseLostException(LeaseFence fence, String clientOrderId) {
        super("lease of shard " + fence.shard() + " (epoch " + fence.epoch() + ") is no longer held by " + fence.owner()
                + ": order " + clientOrderId + " not journaled, not sent");
        this.fence = fence;
    }

    public LeaseFence fence() {
        return fence;
    }
}
