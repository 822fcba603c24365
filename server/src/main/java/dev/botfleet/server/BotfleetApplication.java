package dev.botfleet.server;

import dev.botfleet.server.backtest.BacktestCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BotfleetApplication {
    public static void main(String[] args) {
        // `backtest ...` is a command of the same jar: it runs without starting Spring or the web server.
        if (args.length > 0 && args[0].equals(BacktestCli.COMMAND)) {
            System.exit(BacktestCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(BotfleetApplication.class, args);
    }
}
