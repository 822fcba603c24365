package dev.botfleet.server.dex;

import dev.botfleet.dex.gas.Aggressiveness;
import dev.botfleet.dex.gas.FeePolicy;
import dev.botfleet.dex.intel.IntelligenceSlider;

/**
 * How hard a LIVE DEX bot bids for gas: the fee strategy's aggressiveness of the bot's intelligence level (the slider's
 * gas column, docs/dex.md "Intelligence slider"), never more than 500 gwei per gas, a tip of at least 1 gwei.
 */
final class DexFeePolicy {
    static final FeePolicy DEFAULT = of(Aggressiveness.NORMAL);

    private DexFeePolicy() {
    }

    static FeePolicy forLevel(int intelLevel) {
        return of(switch (IntelligenceSlider.level(intelLevel).gas()) {
            case SLOW -> Aggressiveness.PATIENT;
            case STANDARD -> Aggressiveness.NORMAL;
            case FAST -> Aggressiveness.FAST;
            case URGENT -> Aggressiveness.URGENT;
        });
    }

    private static FeePolicy of(Aggressiveness aggressiveness) {
        return new FeePolicy(aggressiveness, FeePolicy.gwei(500), FeePolicy.gwei(1));
    }
}
