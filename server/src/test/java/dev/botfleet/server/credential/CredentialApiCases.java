package dev.botfleet.server.credential;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange-key vault. Run on H2 and on PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
public abstract class CredentialApiCases extends ApiTestBase {
    private static final String KEY = "AKIA-test-key-0123456789-WXYZ";
    private static final String SECRET = "s3cr3t-value-that-must-never-leak-42";
    private static final String PASSPHRASE = "pass-phrase-never-shown-7";

    @Autowired
    CredentialService service;

    private Map<String, Object> body(String exchange) {
        Map<String, Object> body = new HashMap<>();
        body.put("exchange", exchange);
        body.put("label", "main account");
        body.put("apiKey", KEY);
        body.put("apiSecret", SECRET);
        body.put("passphrase", PASSPHRASE);
        return body;
    }

    @Test
    void createAnswersOnlyTheMaskedKey() {
        Session user = newUser();
        Answer created = post("/api/v1/credentials", user, body("sim"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("apiKeyMasked").asString()).isEqualTo("****WXYZ");
        assertThat(created.body().get("exchange").asString()).isEqualTo("sim");
        assertThat(created.body().get("label").asString()).isEqualTo("main account");
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrder("id", "exchange", "label", "apiKeyMasked",
                "testnet", "canTrade", "canWithdraw", "verifiedAt", "warnings", "createdAt");
        assertThat(created.body().get("canTrade").isNull()).as("nothing to verify on sim").isTrue();
        assertThat(created.body().get("warnings").size()).isZero();

        Answer list = get("/api/v1/credentials", user);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(1);
        assertThat(list.body().toString()).doesNotContain(SECRET).doesNotContain(PASSPHRASE).doesNotContain(KEY);
    }

    @Test
    void noSecretIsStoredInClearAndEachIsEncryptedWithItsOwnIv() {
        Session user = newUser();
        UUID id = UUID.fromString(post("/api/v1/credentials", user, body("sim")).body().get("id").asString());
        post("/api/v1/credentials", user, body("sim"));

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM exchange_credentials WHERE owner_id = :o")
                .param("o", user.id()).query().listOfRows();
        assertThat(rows).hasSize(2);
        String everything = rows.toString();
        for (String secret : List.of(KEY, SECRET, PASSPHRASE)) {
            assertThat(everything).doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        // same plaintext, different ciphertext: a fresh IV per secret
        assertThat(rows.get(0).get("api_secret_enc")).isNotEqualTo(rows.get(1).get("api_secret_enc"));
        byte[] stored = Base64.getDecoder().decode((String) rows.get(0).get("api_secret_enc"));
        assertThat(stored.length).isEqualTo(12 + SECRET.length() + 16); // IV + ciphertext + GCM tag

        ExchangeSecrets secrets = service.secretsFor(user.id(), "sim").orElseThrow();
        assertThat(secrets.apiKey()).isEqualTo(KEY);
        assertThat(secrets.apiSecret()).isEqualTo(SECRET);
        assertThat(secrets.passphrase()).isEqualTo(PASSPHRASE);
        assertThat(secrets.toString()).doesNotContain(SECRET);
        assertThat(id).isNotNull();
    }

    @Test
    void noSecretReachesTheLog(CapturedOutput output) {
        Session user = newUser();
        assertThat(post("/api/v1/credentials", user, body("sim")).status()).isEqualTo(201);
        Map<String, Object> bad = body("nope");
        assertThat(post("/api/v1/credentials", user, bad).status()).isEqualTo(400);
        assertThat(post("/api/v1/credentials", user, "{\"apiSecret\": \"" + SECRET + "\", ").status()).isEqualTo(400);
        Answer list = get("/api/v1/credentials", user);
        assertThat(list.status()).isEqualTo(200);
        assertThat(output.getAll()).isNotEmpty().doesNotContain(SECRET).doesNotContain(PASSPHRASE).doesNotContain(KEY);
    }

    @Test
    void badInputNamesTheFieldAndNeverEchoesSecrets() {
        Session user = newUser();
        Answer unknown = post("/api/v1/credentials", user, body("binance-of-mars"));
        assertProblem(unknown, 400, "VALIDATION_ERROR");
        assertThat(unknown.errorFields()).containsExactly("exchange");
        assertThat(unknown.body().toString()).doesNotContain(SECRET);

        Answer missing = post("/api/v1/credentials", user, Map.of("exchange", "sim"));
        assertProblem(missing, 400, "VALIDATION_ERROR");
        assertThat(missing.errorFields()).containsExactly("apiKey", "apiSecret");

        // a key or passphrase that no HTTP header can carry: refused before the venue is asked (it was a 500)
        for (String field : List.of("apiKey", "passphrase")) {
            for (String value : List.of("k\u00e9y-" + SECRET, "key\u0001" + SECRET, "\u2dbf\u1aea\ua966")) {
                Map<String, Object> notAscii = body("binance");
                notAscii.put(field, value);
                Answer refused = post("/api/v1/credentials", user, notAscii);
                assertProblem(refused, 400, "VALIDATION_ERROR");
                assertThat(refused.errorFields()).as(field).containsExactly(field);
                assertThat(refused.body().toString()).doesNotContain(SECRET);
            }
        }

        Map<String, Object> tooLong = body("sim");
        tooLong.put("apiSecret", "x".repeat(5000));
        assertThat(post("/api/v1/credentials", user, tooLong).errorFields()).containsExactly("apiSecret");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_credentials WHERE owner_id = :o").param("o", user.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anotherUsersCredentialsAreInvisibleAndUndeletable() {
        Session alice = newUser();
        Session bob = newUser();
        String id = post("/api/v1/credentials", alice, body("sim")).body().get("id").asString();
        assertThat(get("/api/v1/credentials", bob).body()).isEmpty();
        assertProblem(delete("/api/v1/credentials/" + id, bob), 404, "NOT_FOUND");
        assertThat(get("/api/v1/credentials", alice).body()).hasSize(1);

        assertThat(delete("/api/v1/credentials/" + id, alice).status()).isEqualTo(204);
        assertThat(get("/api/v1/credentials", alice).body()).isEmpty();
        assertProblem(delete("/api/v1/credentials/" + id, alice), 404, "NOT_FOUND");
        Answer notUuid = delete("/api/v1/credentials/123", alice);
        assertProblem(notUuid, 400, "VALIDATION_ERROR");
        assertThat(notUuid.errorFields()).containsExactly("id");
    }
}
