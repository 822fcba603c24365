package dev.botfleet.server.notify.webhook;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;

/** The sender starts once the server is up, and first sends what a previous run left queued. */
@Configuration
public class WebhookConfig {
    @Bean(destroyMethod = "stop")
    WebhookSender webhookSender(WebhookDeliveries deliveries, Webhooks webhooks, WebhookProperties properties, Clock clock) {
        return new WebhookSender(deliveries, webhooks, properties, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startWebhooks(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(WebhookSender.class).start();
    }
}
