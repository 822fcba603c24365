package dev.botfleet.engine.order;

/**
 * Client order ids are deterministic: {@code <botId>-<sequence>}. The sequence is persisted with the bot, so after a
 * crash the same order gets the same id and the exchange can tell us whether it already has it.
 */
public final class ClientOrderIds {
    private ClientOrderIds() {
    }

    public static String of(String botId, long sequence) {
        return botId + "-" + sequence;
    }

    /** The sequence part of an id made by {@link #of}, or -1 if it is not one of ours. */
    public static long sequenceOf(String clientOrderId) {
        int dash = clientOrderId.lastIndexOf('-');
        if (dash < 0) return -1;
        try {
            return Long.parseLong(clientOrderId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
