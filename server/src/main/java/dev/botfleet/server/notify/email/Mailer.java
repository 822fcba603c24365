package dev.botfleet.server.notify.email;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mail over the SMTP server of {@code spring.mail.*}, when {@code botfleet.mail.enabled}. Blocking:
 * callers send from their own thread, never a request's or a bot's. A body may hold a secret (a reset link), so no
 * body ever reaches a log line or an exception message; only the subject does.
 */
@Component
public class Mailer {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /** The mail did not reach the SMTP server; {@link #getMessage()} says why, without the mail's body. */
    public static final class NotSent extends RuntimeException {
        public NotSent(String reason) {
            super(reason, null, false, false);
        }
    }

    private final EmailProperties properties;
    /** Null while mail is off: Spring only builds a sender when spring.mail.host is set. */
    private final JavaMailSender sender;

    public Mailer(EmailProperties properties, ObjectProvider<JavaMailSender> sender) {
        this.properties = properties;
        this.sender = properties.enabled() ? sender.getIfAvailable() : null;
        if (properties.enabled() && this.sender == null) {
            throw new IllegalStateException("botfleet.mail.enabled is true but spring.mail.host is not set");
        }
    }

    public boolean enabled() {
        return sender != null;
    }

    /** Hands one plain-text mail to the SMTP server. @throws NotSent when mail is off or the server refused it */
    public void send(String to, String subject, String text) {
        if (sender == null) throw new NotSent("mail is off (botfleet.mail.enabled=false)");
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        try {
            sender.send(mail);
        } catch (MailException e) {
            throw new NotSent(describe(e));
        }
        log.debug("Mail '{}' handed to the SMTP server", subject);
    }

    /**
     * The innermost cause in words. Not {@code e.getMessage()}: Spring's exceptions may describe the failed message
     * itself, and with it the body.
     */
    static String describe(MailException e) {
        Throwable t = e;
        if (e instanceof MailSendException s && s.getMessageExceptions().length > 0) t = s.getMessageExceptions()[0];
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip());
    }
}
