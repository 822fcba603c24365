package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.activity.ActivityLogService;
import dev.botfleet.server.auth.totp.TwoFactorGate;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.credential.CredentialService;
import dev.botfleet.server.order.OrderQueries;
import dev.botfleet.server.runtime.PaperBalances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The Bot API client, the send queue, the commands and the long-polling loop or the webhook: only with {@code botfleet.telegram.enabled=true}. */
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

    @Bean
    TelegramCommands telegramCommands(TelegramApi api, TelegramOutbox outbox, TelegramLinking linking, TelegramLinks links,
                                      BotService bots, TransactionTemplate transaction, Clock clock, TelegramSendQueue queue,
                                      OrderQueries orders, ActivityLogService activity, PaperBalances paper,
                                      CredentialService credentials, JdbcClient jdbc, TwoFactorGate twoFactor) {
        TelegramChat chat = new TelegramChat(outbox, api, clock);
        BotNames names = new BotNames(bots);
        TelegramReads reads = new TelegramReads(jdbc);
        TransactionTemplate nested = new TransactionTemplate(transaction.getTransactionManager());
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return new TelegramCommands(linking, links, chat, names,
                // a chat cannot carry an authenticator code: with "2FA required for LIVE" a LIVE start is refused here
                new BotCommands(bots, names, reads, orders, activity, chat, nested, clock, owner -> twoFactor.requiredForLive(owner)
                        ? java.util.Optional.of("Your two-factor settings require a code of your authenticator app for"
                        + " LIVE starts: start this bot from the dashboard.")
                        : java.util.Optional.empty()),
                new ReportCommands(names, reads, paper, credentials, clock), transaction, queue::wake);
    }

    /** Long polling, unless {@code mode=webhook}. */
    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "botfleet.telegram.mode", havingValue = "polling", matchIfMissing = true)
    TelegramPoller telegramPoller(TelegramApi api, TelegramOutbox outbox, TelegramCommands commands,
                                  TelegramProperties properties) {
        return new TelegramPoller(api, outbox, commands::handle, properties);
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "botfleet.telegram.mode", havingValue = "webhook")
    TelegramWebhook telegramWebhook(TelegramApi api, TelegramInbox inbox, TelegramCommands commands, Clock clock,
                                    TelegramProperties properties) {
        return new TelegramWebhook(api, inbox, commands::handle, clock, properties);
    }

    /** Starts polling or the webhook, and sending, once the server is up (and sends what a previous run left queued). */
    @EventListener(ApplicationReadyEvent.class)
    public void startTelegram(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        TelegramApi api = context.getBean(TelegramApi.class);
        try {
            var params = api.params();
            var list = params.putArray("commands");
            for (String[] c : TelegramCommands.MENU) list.addObject().put("command", c[0]).put("description", c[1]);
            api.call("setMyCommands", params);
        } catch (TelegramApiException e) {
            log.warn("Telegram setMyCommands: {}", e.getMessage());
        }
        context.getBean(TelegramSendQueue.class).start();
        var webhook = context.getBeanProvider(TelegramWebhook.class).getIfAvailable();
        if (webhook != null) {
            webhook.start();
            return;
        }
        try {
            // Telegram refuses getUpdates (409) while a webhook is set: a server switched back to polling removes it.
            api.call("deleteWebhook", api.params().put("drop_pending_updates", false));
        } catch (TelegramApiException e) {
            log.warn("Telegram deleteWebhook: {}", e.getMessage());
        }
        context.getBean(TelegramPoller.class).start();
    }
}
