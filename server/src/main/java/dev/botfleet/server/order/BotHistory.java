package dev.botfleet.server.order;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.position.FlatPoint;

import java.util.List;

/**
 * What a bot's start replays: where it last stood flat (null: from its first fill) and its fills after that, oldest
 * first ({@link OrderRepository#history}).
 */
public record BotHistory(FlatMark flat, List<Fill> fills) {
    public BotHistory {
        fills = List.copyOf(fills);
    }

    /** Every fill, from the first. */
    public static BotHistory all(List<Fill> fills) {
        return new BotHistory(null, fills);
    }

    public FlatPoint flatPoint() {
        return flat == null ? null : flat.point();
    }

    /** The paper account's flows at the flat point (none before the first fill). */
    public SpotFlows flowsAtStart() {
        return flat == null ? SpotFlows.NONE : flat.flows();
    }
}
