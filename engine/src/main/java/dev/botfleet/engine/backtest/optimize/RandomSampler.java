package dev.botfleet.engine.backtest.optimize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Draws every dimension uniformly and independently; trials may repeat. */
public final class RandomSampler implements Sampler {
    @Override
    public Optional<Map<String, Object>> propose(List<Dimension> space, int index, List<Trial> history, long seed) {
        return Optional.of(draw(space, Sampler.randomFor(seed, index)));
    }

    static Map<String, Object> draw(List<Dimension> space, SplittableRandom random) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Dimension d : space) params.put(d.name(), d.sample(random));
        return params;
    }

    @Override
    public String describe() { return "random"; }
}
