package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.ParameterSpace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code name=from:to:step} (an inclusive range) and {@code name=v1,v2,...} (a list) into a parameter space. */
final class SweepSpecs {
    private SweepSpecs() {
    }

    static void add(ParameterSpace space, String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--sweep: expected name=from:to:step or name=v1,v2,... , was '" + spec + "'");
        }
        String name = spec.substring(0, eq).strip();
        String values = spec.substring(eq + 1).strip();
        try {
            if (values.contains(":")) {
                String[] p = values.split(":");
                if (p.length != 3) throw new IllegalArgumentException("a range is from:to:step");
                space.range(name, new BigDecimal(p[0]), new BigDecimal(p[1]), new BigDecimal(p[2]));
            } else {
                List<Object> list = new ArrayList<>();
                for (String v : values.split(",")) list.add(v.strip());
                space.values(name, list);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sweep " + name + ": range bounds and step must be numbers, was '" + values + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sweep " + name + ": " + e.getMessage());
        }
    }
}
