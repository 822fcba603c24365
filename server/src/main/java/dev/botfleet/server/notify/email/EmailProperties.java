package dev.botfleet.server.notify.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code botfleet.mail}: whether this server sends mail, and as whom. The SMTP server itself is Spring's
 * {@code spring.mail.host/port/username/password} (the password via SPRING_MAIL_PASSWORD, never in a file in git).
 *
 * @param enabled false (the default): nothing is sent; features that would mail say so in the log instead
 * @param from    the sender address of every mail
 */
@ConfigurationProperties("botfleet.mail")
public record EmailProperties(boolean enabled, String from) {
    public EmailProperties {
        if (from == null || from.isBlank()) from = "botfleet@localhost";
    }
}
