package dev.botfleet.server.notify.email;

import dev.botfleet.server.notify.NotifyTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The email outbox: a failed send is retried, queued alerts survive the sender going away, and are sent together. */
class EmailOutboxH2Test extends NotifyTestBase {
    @Autowired
    EmailAlertSender contextSender;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    JavaMailSender mail;
    @Autowired
    EmailAlertProperties properties;
    @Autowired
    Clock serverClock;

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private List<Map<String, Object>> rows(Session user) {
        return jdbc.sql("SELECT kind, attempts, last_error, sent_at FROM email_outbox WHERE user_id = :u ORDER BY id")
                .param("u", user.id()).query().listOfRows();
    }

    @Test
    void queuedAlertsSurviveTheSenderGoingAwayAFailedSendIsRetriedAndTheyGoOutAsOneMail() throws IOException {
        Session user = newUser();
        assertThat(putPreferences(user, Map.of("defaults", Map.of("email", Map.of("STARTED", true, "STOPPED", true))))
                .status()).isEqualTo(200);
        contextSender.stop();  // the server's sender is down while the alerts are queued
        try {
            String bot = start(user, scalper(user, "0.2", "0.2"));
            assertThat(post("/api/v1/bots/" + bot + "/stop", user, null).status()).isEqualTo(200);
            assertThat(rows(user)).extracting(r -> r.get("kind")).containsExactly("STARTED", "STOPPED");

            JavaMailSenderImpl dead = new JavaMailSenderImpl();
            dead.setHost("127.0.0.1");
            dead.setPort(closedPort());
            new EmailAlertSender(outbox, dead, "alerts@botfleet.test", properties, serverClock).deliver();
            assertThat(rows(user)).allSatisfy(r -> {
                assertThat(r.get("attempts")).isEqualTo(1);
                assertThat((String) r.get("last_error")).isNotBlank();
                assertThat(r.get("sent_at")).isNull();
            });
            assertThat(mails(user.email())).isEmpty();

            // a new sender (as after a restart) sends what is queued once its backoff has passed, as one mail
            EmailAlertSender restarted = new EmailAlertSender(outbox, mail, "alerts@botfleet.test", properties, serverClock);
            List<String> got = await("the queued alerts mailed", () -> {
                restarted.deliver();
                return mails(user.email());
            }, l -> !l.isEmpty());
            assertThat(got).hasSize(1);
            assertThat(got.getFirst()).startsWith("botfleet: 2 alerts").contains("Bot scalper started")
                    .contains("Bot scalper stopped (stopped by user)");
            assertThat(rows(user)).allSatisfy(r -> {
                assertThat(r.get("attempts")).isEqualTo(2);
                assertThat(r.get("sent_at")).isNotNull();
            });
            restarted.deliver();
            assertThat(mails(user.email())).hasSize(1);  // sent rows are not sent again
        } finally {
            contextSender.start();
        }
    }

    @Test
    void anAlertEmailGoesToTheAccountAddressFromTheConfiguredSender() throws Exception {
        Session user = newUser();
        assertThat(putPreferences(user, Map.of("defaults", Map.of("email", Map.of("STARTED", true)))).status()).isEqualTo(200);
        start(user, scalper(user, "0.2", "0.2"));
        awaitMail(user.email(), "Bot scalper started");
        var message = java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(user.email());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@botfleet.test");
        assertThat(message.getSubject()).isEqualTo("botfleet started: Bot scalper started (scalper on sim BTC/USDT, PAPER)");
    }
}
