package dev.botfleet.server.auth.reset;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.botfleet.server.support.ApiTestBase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset through a real SMTP server (GreenMail): the mail, its link, the token's rules, the revocation of
 * login tokens and the limits. Run on H2 and on PostgreSQL, each with mail switched on.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class PasswordResetCases extends ApiTestBase {
    static final String FROM = "botfleet-test@example.org";
    static final String PUBLIC_URL = "https://botfleet.example.com";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/reset-password\\?token=([A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("botfleet.mail.enabled", () -> "true");
        registry.add("botfleet.mail.from", () -> FROM);
        registry.add("botfleet.public-url", () -> PUBLIC_URL + "/"); // the trailing slash must not double in links
    }

    @Autowired
    PasswordResetProperties properties;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<MimeMessage> awaitMails(String email, int count) {
        return await(count + " mail(s) to " + email, () -> mailsTo(email), m -> m.size() >= count);
    }

    /** The decoded text (the raw body may be quoted-printable). */
    private static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenOf(MimeMessage mail) {
        Matcher m = LINK.matcher(text(mail));
        assertThat(m.find()).as("a reset link in: " + text(mail)).isTrue();
        return m.group(1);
    }

    private Answer ask(String email, String address) {
        return send(MockMvcRequestBuilders.post("/api/v1/auth/password-reset").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }), null, Map.of("email", email));
    }

    private Answer ask(String email) {
        return ask(email, nextAddress());
    }

    private Answer confirm(String token, String newPassword) {
        return post("/api/v1/auth/password-reset/confirm", null, Map.of("token", token, "newPassword", newPassword));
    }

    /** Asks for a link and answers the token from the mail, the {@code nth} to this user. */
    private String requestToken(Session user, int nth) {
        assertThat(ask(user.email()).status()).isEqualTo(202);
        return tokenOf(awaitMails(user.email(), nth).get(nth - 1));
    }

    @Test
    void theFullFlowThroughTheMailSetsTheNewPasswordAndRevokesEveryLoginToken(CapturedOutput output) throws Exception {
        Session user = newUser();
        Answer asked = ask("  " + user.email().toUpperCase() + " ");
        assertThat(asked.status()).isEqualTo(202);
        MimeMessage mail = awaitMails(user.email(), 1).getFirst();
        assertThat(mail.getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(mail.getSubject()).isEqualTo("Reset your botfleet password");
        assertThat(mail.getContentType()).startsWith("text/plain");
        String token = tokenOf(mail);
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes in base64url
        assertThat(text(mail)).contains("30 minutes").contains(user.email());

        String stored = jdbc.sql("SELECT token_hash FROM password_reset_tokens WHERE user_id = :u")
                .param("u", user.id()).query(String.class).single();
        assertThat(stored).isEqualTo(PasswordReset.hash(token)).doesNotContain(token);

        Answer done = confirm(token, "brand-new-pass-7");
        assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(204);
        assertProblem(get("/api/v1/me", user), 401, "UNAUTHORIZED"); // the login token from before is revoked
        assertProblem(login(user.email(), user.password(), nextAddress()), 401, "UNAUTHORIZED");
        Answer fresh = login(user.email(), "brand-new-pass-7", nextAddress());
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(get("/api/v1/me", new Session(user.id(), user.email(), "brand-new-pass-7",
                fresh.body().get("token").asString())).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset_tokens WHERE user_id = :u").param("u", user.id())
                .query(Integer.class).single()).isZero();
        assertThat(output.getAll()).as("the token in a log line").doesNotContain(token);
    }

    @Test
    void anSmtpServerThatIsAwayDoesNotTakeTheServerOutOfRotation() {
        // Spring Boot would add a health check that connects to the SMTP server (management.health.mail.enabled=false)
        assertThat(context.getBeanNamesForType(org.springframework.boot.mail.health.MailHealthIndicator.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.mail.javamail.JavaMailSender.class)).isNotEmpty();
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        String nobody = uniqueEmail();
        Session someone = newUser();
        Answer unknown = ask(nobody);
        Answer known = ask(someone.email());
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.body().get("message").asString()).isNotBlank();
        // one mail thread handles requests in order: once the known address has its mail, the unknown one was handled
        awaitMails(someone.email(), 1);
        assertThat(mailsTo(nobody)).isEmpty();
    }

    @Test
    void aTokenWorksOnce() {
        Session user = newUser();
        String token = requestToken(user, 1);
        assertThat(confirm(token, "first-new-pass-1").status()).isEqualTo(204);
        Answer again = confirm(token, "second-new-pass-2");
        assertProblem(again, 400, "RESET_TOKEN_INVALID");
        assertThat(again.errorFields()).containsExactly("token");
        assertThat(login(user.email(), "first-new-pass-1", nextAddress()).status()).isEqualTo(200);
        assertThat(login(user.email(), "second-new-pass-2", nextAddress()).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Session user = newUser();
        String token = requestToken(user, 1);
        clock.advance(properties.lifetime().plusSeconds(1));
        assertProblem(confirm(token, "too-late-pass-3"), 400, "RESET_TOKEN_INVALID");
        assertThat(login(user.email(), user.password(), nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void aNewerRequestInvalidatesTheOlderLink() {
        Session user = newUser();
        String first = requestToken(user, 1);
        String second = requestToken(user, 2);
        assertThat(second).isNotEqualTo(first);
        assertProblem(confirm(first, "older-link-pass-4"), 400, "RESET_TOKEN_INVALID");
        assertThat(confirm(second, "newer-link-pass-5").status()).isEqualTo(204);
        assertThat(login(user.email(), "newer-link-pass-5", nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void aWeakPasswordIsNamedAndDoesNotSpendTheToken() {
        Session user = newUser();
        String token = requestToken(user, 1);
        Answer weak = confirm(token, "short1");
        assertProblem(weak, 400, "VALIDATION_ERROR");
        assertThat(weak.errorFields()).containsExactly("newPassword");
        assertThat(weak.body().toString()).doesNotContain("short1");
        assertThat(confirm(token, "strong-enough-6").status()).isEqualTo(204);
    }

    @Test
    void missingOrUnknownTokensAndMissingEmailAreNamed() {
        Answer missing = post("/api/v1/auth/password-reset/confirm", null, Map.of("newPassword", "whatever-pass-8"));
        assertProblem(missing, 400, "VALIDATION_ERROR");
        assertThat(missing.errorFields()).containsExactly("token");
        assertProblem(confirm("not-a-token-we-issued", "whatever-pass-8"), 400, "RESET_TOKEN_INVALID");
        assertProblem(confirm("x".repeat(5000), "whatever-pass-8"), 400, "RESET_TOKEN_INVALID");
        Answer noEmail = post("/api/v1/auth/password-reset", null, Map.of());
        assertProblem(noEmail, 400, "VALIDATION_ERROR");
        assertThat(noEmail.errorFields()).containsExactly("email");
    }

    @Test
    void resettingLiftsTheAccountsLoginLockout() {
        Session user = newUser();
        for (int i = 0; i < 5; i++) login(user.email(), "wrong-password-0", nextAddress());
        assertProblem(login(user.email(), user.password(), nextAddress()), 429, "RATE_LIMITED");
        String token = requestToken(user, 1);
        assertThat(confirm(token, "unlocked-pass-9").status()).isEqualTo(204);
        assertThat(login(user.email(), "unlocked-pass-9", nextAddress()).status()).isEqualTo(200);
    }

    @Test
    void requestsAreLimitedPerEmailAndPerClientAddress() {
        String email = uniqueEmail(); // no account: the limit counts addresses, not accounts, so it reveals nothing
        for (int i = 0; i < properties.maxPerEmail(); i++) assertThat(ask(email).status()).isEqualTo(202);
        Answer tooMany = ask(email.toUpperCase());
        assertProblem(tooMany, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(tooMany.raw().getHeader("Retry-After"))).isPositive();

        String address = nextAddress();
        for (int i = 0; i < properties.maxPerAddress(); i++) assertThat(ask(uniqueEmail(), address).status()).isEqualTo(202);
        Answer fromThere = ask(uniqueEmail(), address);
        assertProblem(fromThere, 429, "RATE_LIMITED");
        assertThat(fromThere.raw().getHeader("Retry-After")).isNotBlank();
        assertThat(ask(uniqueEmail(), nextAddress()).status()).isEqualTo(202); // another address is not held back

        clock.advance(properties.window().plusSeconds(1));
        assertThat(ask(email).status()).isEqualTo(202);
        assertThat(ask(uniqueEmail(), address).status()).isEqualTo(202);
    }
}
