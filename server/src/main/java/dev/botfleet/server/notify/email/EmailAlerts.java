package dev.botfleet.server.notify.email;

import dev.botfleet.server.notify.AlertChannel;
import dev.botfleet.server.notify.AlertChoices;
import dev.botfleet.server.common.AfterCommit;
import dev.botfleet.server.notify.BotAlert;
import dev.botfleet.server.common.LazyBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;

/**
 * Queues a {@link BotAlert} for its owner's account email when mail is on ({@code botfleet.mail.enabled}) and the owner
 * wants that kind from that bot by email. Synchronous: the row joins the transaction of the change it reports.
 */
@Component
public class EmailAlerts {
    private final boolean enabled;
    private final AlertChoices choices;
    private final EmailOutbox outbox;
    private final Clock clock;
    /** Looked up once (the provider resolves it anew on every call, and alerts come per deal). */
    private final LazyBean<EmailAlertSender> sender;

    public EmailAlerts(@Value("${botfleet.mail.enabled:false}") boolean enabled, AlertChoices choices, EmailOutbox outbox,
                       Clock clock, ObjectProvider<EmailAlertSender> sender) {
        this.enabled = enabled;
        this.choices = choices;
        this.outbox = outbox;
        this.clock = clock;
        this.sender = new LazyBean<>(sender);
    }

    @EventListener
    public void on(BotAlert alert) {
        if (!enabled || !choices.wanted(alert.ownerId(), AlertChannel.EMAIL, alert.kind(), alert.botId())) return;
        outbox.queue(alert.ownerId(), alert.kind().name(), subject(alert), alert.text(), clock.instant());
        EmailAlertSender s = sender.getIfAvailable();
        if (s == null) return;
        AfterCommit.run(s::wake);
    }

    /** The subject when this alert is mailed alone: the kind and the first line of the text. */
    static String subject(BotAlert alert) {
        String kind = alert.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String first = alert.text().lines().findFirst().orElse("");
        return "botfleet " + kind + ": " + (first.length() > 150 ? first.substring(0, 149) + "…" : first);
    }
}
