package dev.botfleet.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BotfleetApplication {
    public static void main(String[] args) {
        SpringApplication.run(BotfleetApplication.class, args);
    }
}
