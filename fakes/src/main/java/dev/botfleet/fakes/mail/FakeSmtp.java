package dev.botfleet.fakes.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.botfleet.fakes.FakeControl;
import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Arrays;

/**
 * TEST ONLY. A real SMTP server (GreenMail) on a loopback port that accepts every mail, and a loopback-only HTTP
 * control route to read what arrived: {@code GET /_fake/mail?to=<address>} answers
 * {@code {"messages": [{from, to, subject, text}]}} in arrival order (every message without {@code to}).
 * For the browser test, which cannot read a mailbox in its own JVM.
 */
public final class FakeSmtp implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GreenMail mail;
    private final FakeHttp http;

    public FakeSmtp() throws IOException {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        http = new FakeHttp(0);
        http.route("GET", FakeControl.PREFIX + "mail", FakeControl.loopbackOnly(this::messages));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    /** The control API's base URL (http://127.0.0.1:port). */
    public String baseUrl() {
        return http.baseUrl();
    }

    Response messages(Request request) {
        String to = request.query().get("to");
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("messages");
        try {
            for (MimeMessage m : mail.getReceivedMessages()) {
                String[] recipients = Arrays.stream(m.getAllRecipients()).map(Address::toString).toArray(String[]::new);
                if (to != null && Arrays.stream(recipients).noneMatch(to::equalsIgnoreCase)) continue;
                ObjectNode item = list.addObject();
                item.put("from", m.getFrom() == null ? "" : m.getFrom()[0].toString());
                item.put("to", String.join(", ", recipients));
                item.put("subject", m.getSubject());
                item.put("text", m.getContent() instanceof String s ? s : String.valueOf(m.getContent()));
            }
        } catch (MessagingException | IOException e) {
            return Response.json(500, JSON.createObjectNode().put("error", e.toString()).toString());
        }
        return Response.json(200, out.toString());
    }

    @Override
    public void close() {
        http.close();
        mail.stop();
    }
}
