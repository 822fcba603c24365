package dev.botfleet.server.auth.reset;

import dev.botfleet.server.support.ApiTestBase;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default: mail off. A request is still answered 202 and the log says that no link was sent (and stores none). */
@OnH2
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetMailOffH2Test extends ApiTestBase {
    @Test
    void withMailOffTheRequestIsAcceptedAndTheLogSaysNothingWasSent(CapturedOutput output) {
        Session user = newUser();
        Answer asked = post("/api/v1/auth/password-reset", null, Map.of("email", user.email()));
        assertThat(asked.status()).isEqualTo(202);
        String line = user.id() + " but mail is off";
        await("the mail-off log line", output::getAll, all -> all.contains(line));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset_tokens WHERE user_id = :u").param("u", user.id())
                .query(Integer.class).single()).isZero();
    }
}
