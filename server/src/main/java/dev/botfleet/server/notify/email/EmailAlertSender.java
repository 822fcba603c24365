package dev.botfleet.server.notify.email;

import dev.botfleet.server.notify.NotifierThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mails the email outbox on one thread. A user gets at most one alert email per {@code min-interval}: what was queued
 * meanwhile goes out together (a digest, at most {@code max-per-mail} alerts). A row is marked sent once the SMTP
 * server accepted the message, so a restart sends whatever was still queued; a failed send is retried with backoff.
 */
public class EmailAlertSender {
    private static final Logger log = LoggerFactory.getLogger(EmailAlertSender.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final EmailOutbox outbox;
    private final JavaMailSender mail;
    private final String from;
    private final EmailAlertProperties properties;
    private final Clock clock;
    /** When each user may get the next email (System.nanoTime): the pace is per process, reset by a restart. */
    private final Map<UUID, Long> userReadyAt = new HashMap<>();
    private final NotifierThread thread = new NotifierThread("email-send");

    public EmailAlertSender(EmailOutbox outbox, JavaMailSender mail, String from, EmailAlertProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.from = from;
        this.properties = properties;
        this.clock = clock;
    }

    public void start() {
        thread.start(this::deliver, e -> log.warn("Email sender: {}", e.getMessage()), properties.pollInterval().toNanos());
    }

    public void stop() {
        thread.stop();
    }

    /** Something was queued (called after its transaction committed). */
    public void wake() {
        thread.wake();
    }

    /**
     * One pass (the thread runs it; tests drive one directly): at most one email per user whose pace allows it;
     * answers how long to wait before the next pass.
     */
    public long deliver() {
        long wait = properties.pollInterval().toNanos();
        Map<UUID, List<EmailOutbox.Pending>> byUser = new LinkedHashMap<>();
        for (EmailOutbox.Pending p : outbox.due(clock.instant(), 1000)) {
            byUser.computeIfAbsent(p.userId(), k -> new ArrayList<>()).add(p);
        }
        for (var entry : byUser.entrySet()) {
            long now = System.nanoTime();
            Long readyAt = userReadyAt.get(entry.getKey());
            if (readyAt != null && readyAt - now > 0) {
                wait = Math.min(wait, readyAt - now);
                continue;
            }
            List<EmailOutbox.Pending> batch = entry.getValue().subList(0, Math.min(entry.getValue().size(), properties.maxPerMail()));
            send(batch);
            userReadyAt.put(entry.getKey(), System.nanoTime() + properties.minInterval().toNanos());
            if (entry.getValue().size() > batch.size()) wait = Math.min(wait, properties.minInterval().toNanos());
        }
        return wait;
    }

    private void send(List<EmailOutbox.Pending> batch) {
        List<Long> ids = batch.stream().map(EmailOutbox.Pending::id).toList();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(batch.getFirst().email());
        message.setSubject(batch.size() == 1 ? batch.getFirst().subject() : "botfleet: " + batch.size() + " alerts");
        message.setText(body(batch));
        try {
            mail.send(message);
            outbox.sent(ids, clock.instant());
        } catch (MailException e) {
            int attempts = batch.stream().mapToInt(EmailOutbox.Pending::attempts).max().orElse(0) + 1;
            Instant now = clock.instant();
            Instant next = attempts >= properties.maxAttempts() ? null : now.plus(properties.backoffAfter(attempts));
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            outbox.attemptFailed(ids, error, next, now);
            log.warn("Alert email to user {} failed (attempt {}): {}{}", batch.getFirst().userId(), attempts, error,
                    next == null ? "; giving up" : "; retrying at " + next);
        }
    }

    static String body(List<EmailOutbox.Pending> batch) {
        if (batch.size() == 1) return batch.getFirst().text() + "\n\n— botfleet (" + TIME.format(batch.getFirst().createdAt()) + ")\n";
        StringBuilder b = new StringBuilder();
        for (EmailOutbox.Pending p : batch) b.append(TIME.format(p.createdAt())).append("  ").append(p.text()).append("\n\n");
        return b.append("— botfleet\n").toString();
    }
}
