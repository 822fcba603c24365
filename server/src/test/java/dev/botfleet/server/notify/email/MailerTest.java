package dev.botfleet.server.notify.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Mailer alone against a real SMTP server: plain text as configured, off by default, failures without the body. */
class MailerTest {
    private static final String SECRET_BODY = "Open https://x.test/reset-password?token=SECRET-TOKEN-123 now";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static ObjectProvider<JavaMailSender> senderAt(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("sender", sender);
        return beans.getBeanProvider(JavaMailSender.class);
    }

    @Test
    void sendsPlainTextFromTheConfiguredAddress() throws Exception {
        Mailer mailer = new Mailer(new EmailProperties(true, "fleet@example.org"), senderAt(SMTP.getSmtp().getPort()));
        assertThat(mailer.enabled()).isTrue();
        mailer.send("trader@example.com", "Grüße", "Zeile 1\nZeile 2 — ü");
        MimeMessage got = SMTP.getReceivedMessages()[0];
        assertThat(got.getFrom()[0].toString()).isEqualTo("fleet@example.org");
        assertThat(got.getAllRecipients()[0].toString()).isEqualTo("trader@example.com");
        assertThat(got.getSubject()).isEqualTo("Grüße");
        assertThat(got.getContentType()).startsWith("text/plain");
        assertThat(((String) got.getContent()).replace("\r\n", "\n").strip()).isEqualTo("Zeile 1\nZeile 2 — ü");
    }

    @Test
    void offByDefaultItSendsNothingEvenWithASender() {
        Mailer mailer = new Mailer(new EmailProperties(false, null), senderAt(SMTP.getSmtp().getPort()));
        assertThat(mailer.enabled()).isFalse();
        assertThatThrownBy(() -> mailer.send("trader@example.com", "s", "t")).isInstanceOf(Mailer.NotSent.class)
                .hasMessageContaining("botfleet.mail.enabled=false");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void enabledWithoutAnSmtpHostRefusesToStart() {
        assertThatThrownBy(() -> new Mailer(new EmailProperties(true, null), new StaticListableBeanFactory()
                .getBeanProvider(JavaMailSender.class))).hasMessageContaining("spring.mail.host");
    }

    @Test
    void anUnreachableServerIsNotSentWithTheReasonButNeverTheBody() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Mailer mailer = new Mailer(new EmailProperties(true, null), senderAt(closed));
        assertThatThrownBy(() -> mailer.send("trader@example.com", "Reset", SECRET_BODY))
                .isInstanceOf(Mailer.NotSent.class)
                .hasMessageNotContaining("SECRET-TOKEN-123")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }
}
