package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.bot.BotService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The Bot API client, the send queue and the long-polling loop: only with {@code botfleet.telegram.enabled=true}. */
@Configuration
@ConditionalOnProperty(name = "botfleet.telegram.enabled", havingValue = "true")
public class TelegramConfig {
    private static final Logger log = LoggerFactory.getLogger(TelegramConfig.class);

    @Bean
    TelegramApi telegramApi(TelegramProperties properties, JsonMapper json) {
        return new TelegramApi(properties, json);
    }

    @Bean(destroyMethod = "stop")
    TelegramSendQueue telegramSendQueue(TelegramApi api, TelegramOutbox outbox, Clock clock, TelegramProperties properties) {
        return new TelegramSendQueue(api, outbox, clock, properties);
    }

    @Bean(destroyMethod = "stop")
    TelegramPoller telegramPoller(TelegramApi api, TelegramOutbox outbox, TelegramLinking linking, TelegramLinks links,
                                  BotService bots, TransactionTemplate transaction, Clock clock,
                                  TelegramSendQueue queue, TelegramProperties properties) {
        TelegramCommands commands = new TelegramCommands(linking, links, outbox, bots, api, transaction, clock, queue::wake);
        return new TelegramPoller(api, outbox, commands::handle, properties);
    }

    /** Starts polling and sending once the server is up (and sends what a previous run left queued). */
    @EventListener(ApplicationReadyEvent.class)
    public void startTelegram(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        TelegramApi api = context.getBean(TelegramApi.class);
        try {
            var params = api.params();
            var list = params.putArray("commands");
            for (String[] c : new String[][]{{"status", "How your bots are doing"}, {"bots", "Your bots"},
                    {"stop", "Stop one bot"}, {"stopall", "Stop every running bot"}, {"unlink", "Stop alerts here"},
                    {"help", "The commands"}}) {
                list.addObject().put("command", c[0]).put("description", c[1]);
            }
            api.call("setMyCommands", params);
        } catch (TelegramApiException e) {
            log.warn("Telegram setMyCommands: {}", e.getMessage());
        }
        context.getBean(TelegramSendQueue.class).start();
        context.getBean(TelegramPoller.class).start();
    }
}
