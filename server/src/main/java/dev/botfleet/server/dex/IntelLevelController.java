package dev.botfleet.server.dex;

import dev.botfleet.dex.intel.IntelLevel;
import dev.botfleet.dex.intel.IntelligenceSlider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The intelligence slider's table (module dex, docs/dex.md "Intelligence slider") for the DEX bot form, which shows
 * what each level means next to the slider. Reference data: the same for every user.
 */
@RestController
public class IntelLevelController {

    /** One level as the form shows it; decimals as strings, like every decimal of the API. */
    record IntelLevelView(int level, String name, int maxRiskScore, String positionPercent, int slippageBps,
                          String gas, int gasRewardPercentile, String gasBaseFeeMultiple, String lane,
                          List<String> checks) {
        static IntelLevelView of(IntelLevel l) {
            return new IntelLevelView(l.level(), l.name(), l.maxRiskScore(), l.positionPercent().toPlainString(),
                    l.slippageBps(), l.gas().name(), l.gas().rewardPercentile(),
                    l.gas().baseFeeMultiple().toPlainString(), l.lane().name(),
                    l.checks().stream().sorted().map(Enum::name).toList());
        }
    }

    @GetMapping("/api/v1/dex/intel-levels")
    public List<IntelLevelView> levels() {
        return IntelligenceSlider.TABLE.stream().map(IntelLevelView::of).toList();
    }
}
