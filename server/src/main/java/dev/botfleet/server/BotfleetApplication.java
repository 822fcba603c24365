package dev.botfleet.server;

import dev.botfleet.server.backtest.BacktestCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;


@SpringBootApplication
@ConfigurationPropertiesScan
public class BotfleetApplication {
    public static void main(String[] args) {
        // `backtest ...`, `hyperopt ...`, the analyses and `train ...` are commands of the same jar: they run without Spring.
        if (args.length > 0 && BacktestCli.COMMANDS.contains(args[0])) {
            System.exit(BacktestCli.dispatch(args));
        }
        SpringApplication.run(BotfleetApplication.class, args);
    }
}
