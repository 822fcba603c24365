package dev.botfleet.server.backtest;

import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.strategies.StrategyCatalog;

import java.util.Arrays;
import java.util.List;

/**
 * Entry of {@code java -jar botfleet-server.jar <command> ...} for the backtester's commands ({@code backtest},
 * {@code hyperopt}, {@code lookahead-analysis}, {@code recursive-analysis}) and ML's {@code train}: the application's
 * main hands over here before Spring starts, so none of them opens a port, a database or a data directory.
 */
public final class BacktestCli {
    public static final String COMMAND = "backtest";
    public static final List<String> COMMANDS = List.of(COMMAND, HyperoptCommand.NAME, AnalysisCommand.LOOKAHEAD,
            AnalysisCommand.RECURSIVE, TrainCommand.NAME);

    private BacktestCli() {
    }

    public static int run(String[] args) {
        return new BacktestCommand(new CatalogStrategies(new StrategyCatalog()), new EnginePortfolioBacktests(ConfigBacktestCommand.FILES),
                System.out, System.err).run(args);
    }

    /** {@code args[0]} is one of {@link #COMMANDS}; the rest are its options. */
    public static int dispatch(String[] args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        StrategyResolver catalog = new CatalogStrategies(new StrategyCatalog());
        return switch (args[0]) {
            case COMMAND -> run(rest);
            case HyperoptCommand.NAME -> new HyperoptCommand(catalog, portfolio(), System.out, System.err).run(rest);
            case TrainCommand.NAME -> new TrainCommand(System.out, System.err).run(rest);
            default -> new AnalysisCommand(args[0], catalog, System.out, System.err).run(rest);
        };
    }

    /** The portfolio runs hyperopt's trials use: the same implementation as {@code backtest --config}. */
    static PortfolioBacktests portfolio() {
        return new EnginePortfolioBacktests(ConfigBacktestCommand.FILES);
    }
}
