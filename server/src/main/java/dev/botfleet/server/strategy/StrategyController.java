package dev.botfleet.server.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterType;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Strategy definitions, which drive the dashboard's generated forms. The internal cross-parameter rules stay inside. */
@RestController
@RequestMapping("/api/v1/strategies")
public class StrategyController {
    private final StrategyCatalog catalog;

    public StrategyController(StrategyCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    public List<StrategyResponse> list() {
        return catalog.definitions().stream().map(StrategyResponse::of).toList();
    }

    @GetMapping("/{id}")
    public StrategyResponse get(@PathVariable String id) {
        return catalog.find(id).map(StrategyResponse::of).orElseThrow(() -> new ApiException.NotFound("No strategy '" + id + "'"));
    }

    /** @param canShort the strategy may sell first: on a perpetual that opens a short */
    public record StrategyResponse(String id, String name, String description, List<ParameterResponse> parameters,
                                   boolean canShort) {
        static StrategyResponse of(StrategyDefinition d) {
            return new StrategyResponse(d.id(), d.name(), d.description(),
                    d.parameters().stream().map(ParameterResponse::of).toList(), d.canShort());
        }
    }

    /** Numbers (min, max, step, decimal defaults) are strings holding exact decimals, like every decimal we answer. */
    public record ParameterResponse(String name, ParameterType type, @JsonProperty("default") Object defaultValue,
                                    String min, boolean exclusiveMin, String max, String step, List<String> options,
                                    String unit, String description, boolean required, boolean liveEditable) {
        static ParameterResponse of(ParameterDefinition p) {
            Object def = p.defaultValue() instanceof BigDecimal d ? Decimals.format(d) : p.defaultValue();
            return new ParameterResponse(p.name(), p.type(), def, Decimals.format(p.min()), p.exclusiveMin(),
                    Decimals.format(p.max()), Decimals.format(p.step()), p.options(), p.unit(), p.description(),
                    p.required(), p.liveEditable());
        }
    }
}
