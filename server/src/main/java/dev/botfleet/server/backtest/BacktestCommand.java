package dev.botfleet.server.backtest;

import dev.botfleet.engine.backtest.FundingRates;
import dev.botfleet.engine.data.FundingRateLoader;
import dev.botfleet.engine.market.MarginMode;
import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.FillModel;
import dev.botfleet.engine.backtest.Metric;
import dev.botfleet.engine.backtest.ParameterSpace;
import dev.botfleet.engine.backtest.Sweep;
import dev.botfleet.engine.backtest.WalkForward;
import dev.botfleet.engine.data.CandleDataException;
import dev.botfleet.engine.data.CandleLoader;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.market.Timeframe;
import dev.botfleet.server.backtest.config.PortfolioBacktests;
import dev.botfleet.server.backtest.portfolio.EnginePortfolioBacktests;
import dev.botfleet.engine.strategy.definition.ParameterType;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar botfleet-server.jar backtest ...}: one backtest (or a parameter sweep) from the command line,
 * without starting the web server. Writes result.json and report.html into {@code --out}. Exit code 0 on success,
 * 2 for bad input (the message names the option, file or line), 1 when the strategy failed during the run.
 */
public final class BacktestCommand {
    static final String USAGE = """
            usage: backtest --strategy <id> | --strategy-class <class> --classpath <jars/dirs>
                            --symbol BASE/QUOTE --data <candle file> [--timeframe 5m]
                            [--param name=value]... [--fee 0.001] [--balance 1] [--fill-model realistic|freqtrade]
                            [--slippage-ticks 0] [--tick-size 0.00000001] [--lot-size 0.00000001] [--stoploss -0.1]
                            [--leverage 5 [--funding-rates <csv|json file>]]   (a perpetual: shorts, margin, funding)
                            [--out target/report]
              sweep:        [--sweep name=from:to:step | --sweep name=v1,v2,...]... [--search grid|random]
                            [--samples 100] [--seed 1] [--metric sharpe] [--threads N]
                            [--walk-forward folds] [--in-sample 0.7]
              several pairs from a Freqtrade config.json:
                     backtest --config <config.json> ... (see backtest --config x --help)
            """;
    private static final Set<String> OPTIONS = Set.of("--strategy", "--strategy-class", "--classpath", "--symbol",
            "--data", "--timeframe", "--param", "--fee", "--balance", "--fill-model", "--slippage-ticks", "--tick-size",
            "--lot-size", "--stoploss", "--out", "--sweep", "--search", "--samples", "--seed", "--metric", "--threads",
            "--walk-forward", "--in-sample", "--leverage", "--funding-rates");

    private final StrategyResolver catalog;
    private final PortfolioBacktests portfolio;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public BacktestCommand(StrategyResolver catalog, PrintStream out, PrintStream err) {
        this(catalog, new EnginePortfolioBacktests(ConfigBacktestCommand.FILES), out, err);
    }

    /** @param portfolio runs the multi-pair backtests of {@code --config} */
    public BacktestCommand(StrategyResolver catalog, PortfolioBacktests portfolio, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.portfolio = portfolio;
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the process exit code. */
    public int run(String[] args) {
        try {
            if (ConfigBacktestCommand.wanted(args)) {
                for (String a : args) {
                    String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                    if (OPTIONS.contains(option) && !ConfigBacktestCommand.OPTIONS.contains(option)) {
                        throw new IllegalArgumentException(option + ": not used with --config (the configuration"
                                + " states the pairs, stake, fees and stop; see backtest --config x --help)");
                    }
                }
                CommandLine cl = new CommandLine(args, ConfigBacktestCommand.OPTIONS, ConfigBacktestCommand.FLAGS);
                if (cl.has("--help")) {
                    out.print(ConfigBacktestCommand.USAGE);
                    return 0;
                }
                return new ConfigBacktestCommand(catalog, portfolio, out, err).run(cl);
            }
            CommandLine cl = new CommandLine(args, OPTIONS, Set.of("--help"));
            if (cl.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            BacktestJob job = job(cl);
            Path dir = Path.of(cl.get("--out") == null ? "target/report" : cl.get("--out"));
            Files.createDirectories(dir);
            if (!cl.all("--sweep").isEmpty()) return sweep(cl, job, dir);
            long started = System.nanoTime();
            BacktestResult result = Backtester.run(job.spec());
            double seconds = (System.nanoTime() - started) / 1e9;
            BacktestReport report = BacktestReport.of(job, result);
            Files.writeString(dir.resolve("result.json"), json.writeValueAsString(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), HtmlReport.render(report, job.candles(), result),
                    StandardCharsets.UTF_8);
            summary(report, seconds, dir);
            return result.failed() ? 1 : 0;
        } catch (CandleDataException | IllegalArgumentException e) {
            err.println("backtest: " + e.getMessage());
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("backtest: " + e);
            return 2;
        }
    }

    /** {@code --leverage} makes the run a perpetual; {@code --funding-rates} gives it funding history. */
    private static BacktestJob perpetual(CommandLine cl, BacktestJob job) throws IOException {
        if (cl.get("--leverage") == null) {
            if (cl.get("--funding-rates") != null) {
                throw new IllegalArgumentException("--funding-rates: only a perpetual run (--leverage) books funding");
            }
            return job;
        }
        BigDecimal leverage = decimal(cl, "--leverage", BigDecimal.ONE);
        if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(BacktestJob.MAX_LEVERAGE) > 0) {
            throw new IllegalArgumentException("--leverage: must be between 1 and " + BacktestJob.MAX_LEVERAGE);
        }
        if (job.fillModel() != FillModel.REALISTIC) {
            throw new IllegalArgumentException("--leverage: perpetuals are backtested with the realistic fill model only");
        }
        FundingRates funding = FundingRates.NONE;
        if (cl.get("--funding-rates") != null) {
            Path file = Path.of(cl.get("--funding-rates"));
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--funding-rates: " + file + " is not a file");
            funding = FundingRateLoader.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        return job.perpetual(new MarginSettings(leverage, MarginMode.ISOLATED), funding);
    }

    BacktestJob job(CommandLine cl) throws IOException {
        StrategySource source;
        if (cl.get("--strategy-class") != null) {
            source = UserStrategyLoader.load(cl.required("--classpath"), cl.get("--strategy-class"));
        } else {
            source = catalog.resolve(cl.required("--strategy"));
        }
        String symbol = cl.required("--symbol");
        String symbolProblem = BacktestJob.symbolProblem(symbol);
        if (symbolProblem != null) throw new IllegalArgumentException("--symbol: " + symbolProblem);
        Path data = Path.of(cl.required("--data"));
        if (!Files.isRegularFile(data)) throw new IllegalArgumentException("--data: " + data + " is not a file");
        Timeframe timeframe = cl.get("--timeframe") == null ? null : parseTimeframe(cl.get("--timeframe"));
        CandleSeries candles = CandleLoader.load(data, timeframe).series();
        if (candles.isEmpty()) throw new IllegalArgumentException("--data: " + data + " holds no candles");
        Map<String, Object> params;
        try {
            params = source.forData(params(cl.all("--param"), source.definition()), candles.timeframe());
        } catch (StrategySource.InvalidParameters e) {
            throw new IllegalArgumentException(paramProblems(e), e);
        }
        BacktestJob job = new BacktestJob(source, params, symbol, data.getFileName().toString(), candles,
                cl.get("--fill-model") == null ? FillModel.REALISTIC : fillModel(cl.get("--fill-model")),
                decimal(cl, "--fee", BacktestJob.DEFAULT_FEE), decimal(cl, "--balance", BacktestJob.DEFAULT_BALANCE),
                (int) whole(cl, "--slippage-ticks", 0), decimal(cl, "--tick-size", BacktestJob.DEFAULT_TICK),
                decimal(cl, "--lot-size", BacktestJob.DEFAULT_LOT), number(cl, "--stoploss", -1));
        job = perpetual(cl, job);
        if (job.fee().signum() < 0 || job.fee().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("--fee: must be a fraction in [0, 1), e.g. 0.001 for 0.1%");
        }
        if (job.tickSize().signum() <= 0) throw new IllegalArgumentException("--tick-size: must be greater than 0");
        if (job.lotSize().signum() <= 0) throw new IllegalArgumentException("--lot-size: must be greater than 0");
        try {
            job.spec();  // validates the parameters and settings before anything runs
        } catch (StrategySource.InvalidParameters e) {
            throw new IllegalArgumentException(paramProblems(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(optionNamed(e.getMessage()), e);
        }
        return job;
    }

    private int sweep(CommandLine cl, BacktestJob job, Path dir) throws IOException {
        ParameterSpace space = new ParameterSpace();
        for (String s : cl.all("--sweep")) SweepSpecs.add(space, s);
        String search = cl.get("--search") == null ? "grid" : cl.get("--search");
        List<Map<String, Object>> combos = switch (search) {
            case "grid" -> space.grid();
            case "random" -> space.random((int) whole(cl, "--samples", 100), whole(cl, "--seed", 1));
            default -> throw new IllegalArgumentException("--search: must be grid or random, was '" + search + "'");
        };
        Metric metric = cl.get("--metric") == null ? Metric.SHARPE : metricOf(cl.get("--metric"));
        int threads = (int) whole(cl, "--threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1) throw new IllegalArgumentException("--threads: must be at least 1");
        SweepPlan.Folds folds = null;
        if (cl.get("--walk-forward") != null) {
            folds = new SweepPlan.Folds((int) whole(cl, "--walk-forward", 1), number(cl, "--in-sample", 0.7));
        }
        long started = System.nanoTime();
        // the same runs and report as a REST sweep (SweepRuns), so both show the same numbers
        SweepRuns.Outcome outcome = SweepRuns.run(job, new SweepPlan(combos, search, metric, folds), threads,
                Integer.MAX_VALUE, "--sweep ", (done, total) -> { });
        Map<String, Object> report = outcome.report();
        if (outcome.folds() != null) {
            for (WalkForward.Fold f : outcome.folds()) {
                out.printf("fold %d: best %s, in-sample %s %s, out-of-sample %s %s%n", f.index(), f.best(), metric.id(),
                        metric.valueOf(f.inSample()), metric.id(), metric.valueOf(f.outOfSample()));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> oos = (Map<String, Object>) report.get("outOfSample");
            out.printf("out of sample: %s of %s folds profitable, %s trades, net profit %s, chained return %.4f%n",
                    oos.get("profitableFolds"), oos.get("folds"), oos.get("trades"), oos.get("netProfit"),
                    (Double) oos.get("chainedReturn"));
        } else {
            List<Sweep.Entry> ranked = outcome.ranked();
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                Sweep.Entry e = ranked.get(i);
                out.printf("#%d %s %s=%s return=%.4f trades=%d%n", i + 1, e.params(), metric.id(),
                        metric.valueOf(e.metrics()), e.metrics().totalReturn(), e.metrics().trades());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.writeString(dir.resolve("sweep.json"), json.writeValueAsString(report), StandardCharsets.UTF_8);
        out.printf("%d combinations in %.1f s on %d threads; wrote %s%n", combos.size(), seconds, threads,
                dir.resolve("sweep.json"));
        return 0;
    }

    private void summary(BacktestReport r, double seconds, Path dir) {
        BacktestReport.MetricsView m = r.metrics();
        out.printf("%s %s %s, %d candles (%s .. %s), fill model %s%n", r.strategy(), r.symbol(), r.timeframe(),
                r.candles(), r.from(), r.to(), r.fillModel());
        out.printf("trades %d, net profit %s (%s), max drawdown %s, sharpe %s, win rate %s, profit factor %s%n",
                m.trades(), m.netProfit(), Html.percent(m.totalReturn()), Html.percent(m.maxDrawdown()),
                Html.ratio(m.sharpe()), Html.percent(m.winRate()), Html.ratio(m.profitFactor()));
        if (r.openPosition() != null) {
            BacktestReport.OpenPositionView p = r.openPosition();
            out.printf("open position at the end: %s at %s (since %s), last price %s, unrealized pnl %s"
                    + " (in net profit, not in the trades)%n", p.quantity(), p.entryPrice(), p.entryTime(),
                    p.lastPrice(), p.unrealizedPnl());
        }
        if (r.stopReason() != null) out.println("stopped early: " + r.stopReason());
        if (!r.warnings().isEmpty()) {
            out.println(r.warnings().size() + " warning(s), the first: " + r.warnings().getFirst());
        }
        out.printf("ran in %.2f s; wrote %s and %s%n", seconds, dir.resolve("result.json"), dir.resolve("report.html"));
    }

    /** Every refused parameter, each named: "--param a: is required; --param b: must be ...". */
    static String paramProblems(StrategySource.InvalidParameters e) {
        return String.join("; ", e.violations().stream().map(v -> "--param " + v.field() + ": " + v.message()).toList());
    }

    /** "slippageTicks: must be ..." from the engine becomes "--slippage-ticks: must be ...". */
    static String optionNamed(String message) {
        int colon = message.indexOf(':');
        if (colon <= 0) return message;
        String field = message.substring(0, colon).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return "--" + field + message.substring(colon);
    }

    static Map<String, Object> params(List<String> given, StrategyDefinition definition) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String p : given) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--param: expected name=value, was '" + p + "'");
            String name = p.substring(0, eq).strip();
            String value = p.substring(eq + 1).strip();
            params.put(name, isJson(definition, name) ? parseJson(name, value) : value);
        }
        return params;
    }

    private static boolean isJson(StrategyDefinition d, String name) {
        return d != null && d.parameters().stream().anyMatch(p -> p.name().equals(name) && p.type() == ParameterType.JSON);
    }

    private static Object parseJson(String name, String value) {
        try {
            return JsonMapper.builder().build().readValue(value, Object.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--param " + name + ": not valid JSON (" + e.getMessage() + ")");
        }
    }

    static Timeframe parseTimeframe(String text) {
        try {
            return dev.botfleet.engine.data.Timeframes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--timeframe: " + e.getMessage());
        }
    }

    private static FillModel fillModel(String text) {
        try {
            return FillModel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fill-model: " + e.getMessage());
        }
    }

    private static Metric metricOf(String text) {
        try {
            return Metric.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric: " + e.getMessage());
        }
    }

    private static BigDecimal decimal(CommandLine cl, String name, BigDecimal fallback) {
        String v = cl.get(name);
        if (v == null) return fallback;
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a number, was '" + v + "'");
        }
    }

    private static double number(CommandLine cl, String name, double fallback) {
        String v = cl.get(name);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a number, was '" + v + "'");
        }
    }

    private static long whole(CommandLine cl, String name, long fallback) {
        String v = cl.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a whole number, was '" + v + "'");
        }
    }
}
