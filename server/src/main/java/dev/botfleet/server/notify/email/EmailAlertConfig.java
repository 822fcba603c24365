package dev.botfleet.server.notify.email;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/**
 * The alert email sender: only with {@code botfleet.mail.enabled=true} and an SMTP server configured
 * ({@code spring.mail.host}, which gives Spring's {@link JavaMailSender}). It starts once the server is up and first
 * sends what a previous run left queued.
 */
@Configuration
@ConditionalOnProperty(name = "botfleet.mail.enabled", havingValue = "true")
public class EmailAlertConfig {
    @Bean(destroyMethod = "stop")
    EmailAlertSender emailAlertSender(EmailOutbox outbox, ObjectProvider<JavaMailSender> mail,
                                      @Value("${botfleet.mail.from:botfleet@localhost}") String from,
                                      EmailAlertProperties properties, Clock clock) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("botfleet.mail.enabled=true needs an SMTP server: set spring.mail.host");
        }
        return new EmailAlertSender(outbox, sender, from, properties, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startEmailAlerts(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(EmailAlertSender.class).start();
    }
}
