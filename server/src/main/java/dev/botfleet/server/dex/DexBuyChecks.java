package dev.botfleet.server.dex;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.engine.order.OrderSnapshot;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What must hold before a DEX bot's buy goes to the pool, paper or LIVE alike: no pending transaction is pulling the
 * pool's liquidity ({@link MempoolGuard}), and the bot's intelligence level lets it buy this token at this size
 * ({@link DexRiskGate}). Sells are never held back, so a bot can always get out.
 */
final class DexBuyChecks {
    /** For a port that only prices (a stopped bot's wallet): nothing is refused. */
    static final DexBuyChecks NONE = new DexBuyChecks(Optional::empty, null);

    private final Supplier<Optional<String>> mempool;
    private final DexRiskGate gate;

    /**
     * @param mempool why a buy must not go through now by what is pending on the pools, or empty
     * @param gate    the intelligence level's checks, null for none
     */
    DexBuyChecks(Supplier<Optional<String>> mempool, DexRiskGate gate) {
        this.mempool = mempool;
        this.gate = gate;
    }

    /**
     * @param lastPrice the market's last price (quote per base), null before the first one
     * @return why the order must not go to the pool, or empty
     */
    Optional<String> refuse(OrderSnapshot order, BigDecimal lastPrice) {
        if (order.side() != OrderSide.BUY) return Optional.empty();
        Optional<String> pending = mempool.get();
        if (pending.isPresent() || gate == null) return pending;
        return gate.refuse(order, lastPrice);
    }
}
