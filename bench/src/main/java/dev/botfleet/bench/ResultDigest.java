package dev.botfleet.bench;

import dev.botfleet.engine.backtest.BacktestResult;
import dev.botfleet.engine.backtest.BacktestSpec;
import dev.botfleet.engine.backtest.Backtester;
import dev.botfleet.engine.backtest.freqtrade.PortfolioBacktest;
import dev.botfleet.engine.backtest.freqtrade.PortfolioResult;
import dev.botfleet.engine.data.CandleSeries;
import dev.botfleet.engine.strategy.definition.StrategyConfig;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * SHA-256 of everything the benchmarked runs produce (trades, metrics, balances, every equity point, warnings), so a
 * speed-up can be checked to change no result, bit for bit. {@code ResultDigestTest} pins the values; run this main
 * to print them.
 */
public final class ResultDigest {
    private ResultDigest() {
    }

    public static void main(String[] args) {
        CandleSeries candles = SyntheticCandles.randomWalk(BacktesterBenchmark.CANDLES, 42);
        System.out.println("idle         " + idle(candles));
        System.out.println("rsiBollinger " + rsiBollinger(candles));
        System.out.println("portfolio    " + portfolio());
    }

    static String idle(CandleSeries candles) {
        return of(Backtester.run(BacktestSpec.of("idle", (c, i) -> new BenchStrategies.Idle(),
                StrategyConfig.of(Map.of()), SyntheticCandles.INSTRUMENT, candles, new BigDecimal("1000000"))));
    }

    static String rsiBollinger(CandleSeries candles) {
        return of(Backtester.run(BacktestSpec.of("rsi-bollinger", (c, i) -> BenchStrategies.RsiBollinger.of(c),
                BenchStrategies.RsiBollinger.config(14, 30, 70), SyntheticCandles.INSTRUMENT, candles,
                new BigDecimal("1000000"))));
    }

    static String portfolio() {
        PortfolioResult r = new PortfolioBacktest(PortfolioBacktestBenchmark.settings())
                .run(PortfolioBacktestBenchmark.whitelist());
        return r.trades().size() + " trades " + sha256(r.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String of(BacktestResult r) {
        MessageDigest d = sha();
        // The records' text covers trades, metrics, balances, open position and warnings; the curve's toString does
        // not list its points, so they are hashed bit for bit.
        d.update((r.trades() + "|" + r.metrics() + "|" + r.finalBalances() + "|" + r.openPosition() + "|"
                + r.stopReason() + "|" + r.failed() + "|" + r.warnings()).getBytes(StandardCharsets.UTF_8));
        var curve = r.equity();
        ByteBuffer b = ByteBuffer.allocate(17);
        for (int i = 0; i < curve.size(); i++) {
            b.clear();
            b.putLong(curve.time()[i]).putDouble(curve.equity()[i]).put((byte) (curve.exposed()[i] ? 1 : 0));
            d.update(b.array());
        }
        return r.trades().size() + " trades " + HexFormat.of().formatHex(d.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha().digest(bytes));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
