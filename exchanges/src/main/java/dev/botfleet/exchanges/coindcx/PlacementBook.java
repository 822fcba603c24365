package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CoinDCX futures orders carry no client order id, so this process keeps the link between our venue client ids and
 * the venue's order ids itself — and, for an order whose answer never came back, finds it again by what it looked
 * like.
 *
 * <p>Every placement is recorded here <em>before</em> it is sent (pair, side, type, price, quantity, send time in venue
 * time). Once the venue names the order, the two ids are bound. To resolve a placement without a venue id, the pair's
 * orders on that side created from {@link #SLACK_MILLIS} before the send are listed; the order matching every attribute
 * that no other placement has claimed is the one. Several candidates can only mean two identical orders were sent with
 * both answers lost (or someone placed the same order by hand): the oldest unclaimed is adopted and a warning says
 * so. A price is compared only for limit orders (a market order's listed price is the market's at placement).
 */
final class PlacementBook {
    /** How far before our send time a venue order's created_at may lie (clock offset error, venue stamping). */
    static final long SLACK_MILLIS = 5_000;
    private static final int PARKED_MAX = 1_000;

    /** What we sent (or, after a restart, what the journal says we meant to send). */
    record Placement(String venueClientId, String pair, OrderSide side, String orderType, BigDecimal price,
                     BigDecimal quantity, long sentAt, boolean instantOnly) {

        static Placement of(String venueClientId, String pair, OrderSnapshot order, String orderType, long sentAt) {
            boolean instant = "market_order".equals(orderType)
                    || order.timeInForce() == dev.botfleet.engine.order.TimeInForce.IOC;
            return new Placement(venueClientId, pair, order.side(), orderType,
                    "market_order".equals(orderType) ? null : order.price(), order.quantity(), sentAt, instant);
        }

        String describe() {
            return side.name().toLowerCase() + " " + quantity.toPlainString() + " " + pair
                    + (price == null ? " at market" : " @ " + price.toPlainString());
        }
    }

    /** The adopted venue order and how many unclaimed orders matched. */
    record Match(JsonNode order, int candidates) {
        boolean ambiguous() { return candidates > 1; }
    }

    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<String, String> orderIdByClient = new HashMap<>();
    private final Map<String, String> clientByOrderId = new HashMap<>();
    private final Map<String, List<JsonNode>> parked = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<JsonNode>> eldest) { return size() > PARKED_MAX; }
    };

    /** Records a placement about to be sent. False if one under this id was already sent: it must not go again. */
    synchronized boolean record(Placement p) {
        return placements.putIfAbsent(p.venueClientId(), p) == null;
    }

    synchronized Placement placement(String venueClientId) { return placements.get(venueClientId); }

    /**
     * Binds a placement to the venue's order and hands back the stream updates of that order that arrived before the
     * binding (the venue's push can overtake its HTTP answer).
     */
    synchronized List<JsonNode> bind(Placement p, String orderId) {
        placements.putIfAbsent(p.venueClientId(), p);
        orderIdByClient.put(p.venueClientId(), orderId);
        clientByOrderId.put(orderId, p.venueClientId());
        List<JsonNode> early = parked.remove(orderId);
        return early == null ? List.of() : early;
    }

    synchronized String orderIdOf(String venueClientId) { return orderIdByClient.get(venueClientId); }

    /**
     * Our venue client id of a venue order, or null — in which case the update is kept for a placement still waiting
     * for its answer (see {@link #bind}).
     */
    synchronized String clientIdOrPark(String orderId, JsonNode update) {
        String id = clientByOrderId.get(orderId);
        if (id == null) parked.computeIfAbsent(orderId, k -> new ArrayList<>()).add(update);
        return id;
    }

    synchronized String clientIdOf(String orderId) { return clientByOrderId.get(orderId); }

    synchronized Set<String> claimed() { return Set.copyOf(clientByOrderId.keySet()); }

    /**
     * The venue order a placement became, among {@code rows} (the venue's orders on the placement's side), or empty.
     *
     * @param claimed venue order ids already bound to other placements
     */
    static Optional<Match> match(Placement p, List<JsonNode> rows, Set<String> claimed) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (claimed.contains(row.path("id").asString(""))) continue;
            if (matches(p, row)) candidates.add(i);
        }
        if (candidates.isEmpty()) return Optional.empty();
        // Oldest first; within one millisecond the venue's own order decides (it lists newest first).
        candidates.sort(Comparator.comparingLong((Integer i) -> CoinDcxJson.millis(rows.get(i), "created_at"))
                .thenComparing(Comparator.reverseOrder()));
        return Optional.of(new Match(rows.get(candidates.getFirst()), candidates.size()));
    }

    static boolean matches(Placement p, JsonNode row) {
        if (!p.pair().equals(row.path("pair").asString(""))) return false;
        if (!CoinDcxOrders.side(p.side()).equals(row.path("side").asString(""))) return false;
        if (!p.orderType().equals(row.path("order_type").asString(""))) return false;
        if (CoinDcxJson.dec(row, "total_quantity").compareTo(p.quantity()) != 0) return false;
        if (p.price() != null && CoinDcxJson.dec(row, "price").compareTo(p.price()) != 0) return false;
        return CoinDcxJson.millis(row, "created_at") >= p.sentAt() - SLACK_MILLIS;
    }
}
