package dev.botfleet.fakes.mail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP fake over a real SMTP conversation, read back through its /_fake/mail route as the browser test does. */
class FakeSmtpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FakeSmtp smtp;
    private final HttpClient http = HttpClient.newHttpClient();

    FakeSmtpTest() throws Exception {
        smtp = new FakeSmtp();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private void send(String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.smtpPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(props));
        m.setFrom(new InternetAddress("botfleet@localhost"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject);
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    private JsonNode messages(String query) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(smtp.baseUrl() + "/_fake/mail" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("messages");
    }

    @Test
    void mailSentOverSmtpIsListedPerRecipientWithItsDecodedText() throws Exception {
        String link = "http://127.0.0.1:8080/reset-password?token=abc_DEF-123=";
        send("alice@example.com", "Reset your botfleet password", "Open this link:\n\n" + link + "\n");
        send("bob@example.com", "Other", "Hello Bob — ünïcode");

        JsonNode alice = messages("?to=" + URLEncoder.encode("Alice@example.com", StandardCharsets.UTF_8));
        assertThat(alice).hasSize(1);
        assertThat(alice.get(0).get("from").asString()).isEqualTo("botfleet@localhost");
        assertThat(alice.get(0).get("to").asString()).isEqualTo("alice@example.com");
        assertThat(alice.get(0).get("subject").asString()).isEqualTo("Reset your botfleet password");
        assertThat(alice.get(0).get("text").asString()).contains(link); // decoded: no quoted-printable =3D
        assertThat(messages("?to=bob%40example.com").get(0).get("text").asString()).isEqualTo("Hello Bob — ünïcode");
        assertThat(messages("")).hasSize(2);
        assertThat(messages("?to=nobody%40example.com")).isEmpty();
    }
}
