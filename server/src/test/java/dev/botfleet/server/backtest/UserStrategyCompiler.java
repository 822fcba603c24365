package dev.botfleet.server.backtest;

import dev.botfleet.engine.strategy.Strategy;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compiles a user's strategy source in the test, as a user would with javac against the engine jar. */
final class UserStrategyCompiler {
    static final String SOURCE = """
            package example;

            import dev.botfleet.engine.market.Candle;
            import dev.botfleet.engine.market.Instrument;
            import dev.botfleet.engine.order.CloseReason;
            import dev.botfleet.engine.order.OrderRequest;
            import dev.botfleet.engine.order.OrderSide;
            import dev.botfleet.engine.strategy.Strategy;
            import dev.botfleet.engine.strategy.StrategyContext;
            import dev.botfleet.engine.strategy.definition.StrategyConfig;

            import java.math.BigDecimal;

            /** Buys on every "every"-th candle, sells "hold" candles later. */
            public class EveryNth implements Strategy {
                private final long every;
                private final long hold;
                private final BigDecimal quantity;
                private long candles;
                private long boughtAt = -1;

                public EveryNth(StrategyConfig config, Instrument instrument) {
                    this.every = config.has("every") ? config.integer("every") : 100;
                    this.hold = config.has("hold") ? config.integer("hold") : 10;
                    this.quantity = config.has("quantity") ? config.decimal("quantity") : BigDecimal.ONE;
                }

                @Override
                public void onCandle(StrategyContext ctx, Candle candle) {
                    candles++;
                    if (boughtAt < 0 && candles % every == 0) {
                        ctx.submit(OrderRequest.market(OrderSide.BUY, quantity));
                        boughtAt = candles;
                    } else if (boughtAt >= 0 && candles - boughtAt >= hold) {
                        ctx.submit(OrderRequest.market(OrderSide.SELL, ctx.positionQuantity()).closing(CloseReason.SIGNAL));
                        boughtAt = -1;
                    }
                }
            }
            """;

    private UserStrategyCompiler() {
    }

    /** @return the directory holding example/EveryNth.class */
    static Path compile(Path dir) throws IOException {
        Path src = dir.resolve("src/example/EveryNth.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String engine = Path.of(Strategy.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-classpath", engine, "-d", classes.toString(), src.toString());
        if (rc != 0) throw new IllegalStateException("javac failed: " + errors);
        return classes;
    }
}
