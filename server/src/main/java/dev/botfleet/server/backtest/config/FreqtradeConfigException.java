package dev.botfleet.server.backtest.config;

import java.util.List;

/** A configuration was refused; {@link #problems()} holds every problem found, not just the first. */
public final class FreqtradeConfigException extends IllegalArgumentException {
    private final String source;
    private final List<ConfigProblem> problems;

    public FreqtradeConfigException(String source, List<ConfigProblem> problems) {
        super(source + ": " + problems.size() + " problem(s): " + String.join("; ",
                problems.stream().map(ConfigProblem::toString).toList()));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file name (or "config" for a request body). */
    public String source() {
        return source;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
