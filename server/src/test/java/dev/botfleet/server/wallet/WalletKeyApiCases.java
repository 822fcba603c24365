package dev.botfleet.server.wallet;

import dev.botfleet.server.auth.totp.Base32;
import dev.botfleet.server.auth.totp.Totp;
import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The wallet-key vault, run on H2 and PostgreSQL. Keys are made per test so tests never share a wallet. */
@ExtendWith(OutputCaptureExtension.class)
abstract class WalletKeyApiCases extends ApiTestBase {
    @Autowired
    WalletKeyService service;

    static Credentials newWallet() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 64 hex digits, zero-padded (a key below 2^252 has leading zeros). */
    static String hexKey(Credentials wallet) {
        return String.format("%064x", wallet.getEcKeyPair().getPrivateKey());
    }

    static String checksum(Credentials wallet) {
        return Keys.toChecksumAddress(wallet.getAddress());
    }

    @Test
    void aStoredKeyIsAnsweredOnlyAsItsAddressAndNeverLeaks(CapturedOutput output) {
        Session user = newUser();
        Credentials wallet = newWallet();
        String key = hexKey(wallet);
        Answer created = post("/api/v1/wallet-keys", user, Map.of("label", "hot wallet", "privateKey", "0x" + key));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrder("id", "label", "kind", "address", "signerUrl", "createdAt");
        assertThat(created.body().get("address").asString()).isEqualTo(checksum(wallet));
        assertThat(created.body().get("kind").asString()).isEqualTo("PRIVATE_KEY");
        assertThat(created.body().get("label").asString()).isEqualTo("hot wallet");

        Answer list = get("/api/v1/wallet-keys", user);
        assertThat(list.body()).hasSize(1);
        String rows = jdbc.sql("SELECT * FROM wallet_keys WHERE owner_id = :o").param("o", user.id()).query().listOfRows().toString();
        for (String text : List.of(created.body().toString(), list.body().toString(), rows, output.getAll())) {
            assertThat(text.toLowerCase()).doesNotContain(key);
        }
        byte[] stored = java.util.Base64.getDecoder().decode(jdbc.sql("SELECT private_key_enc FROM wallet_keys WHERE owner_id = :o")
                .param("o", user.id()).query(String.class).single());
        assertThat(stored.length).as("IV + 64 characters + GCM tag").isEqualTo(12 + 64 + 16);

        UUID id = UUID.fromString(created.body().get("id").asString());
        WalletSigner signer = service.signer(user.id(), id).orElseThrow();
        assertThat(signer).isInstanceOfSatisfying(WalletSigner.LocalKey.class,
                local -> assertThat(local.credentials().getEcKeyPair().getPrivateKey()).isEqualTo(wallet.getEcKeyPair().getPrivateKey()));
        assertThat(signer.toString()).doesNotContain(key);
        assertThat(service.signer(newUser().id(), id)).as("another user's").isEmpty();
    }

    @Test
    void aCiphertextCopiedToAnotherRowDoesNotDecrypt() {
        Session user = newUser();
        UUID a = UUID.fromString(post("/api/v1/wallet-keys", user, Map.of("privateKey", hexKey(newWallet()))).body().get("id").asString());
        UUID b = UUID.fromString(post("/api/v1/wallet-keys", user, Map.of("privateKey", hexKey(newWallet()))).body().get("id").asString());
        jdbc.sql("UPDATE wallet_keys SET private_key_enc = (SELECT private_key_enc FROM wallet_keys WHERE id = :a) WHERE id = :b")
                .param("a", a).param("b", b).update();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.signer(user.id(), b))
                .hasMessageContaining("Cannot decrypt");
    }

    @Test
    void anExternalSignerIsStoredWithItsAddress() {
        Session user = newUser();
        Credentials wallet = newWallet();
        Answer created = post("/api/v1/wallet-keys", user, Map.of("signerUrl", "https://signer.example.com:9000/api",
                "address", wallet.getAddress()));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        assertThat(created.body().get("kind").asString()).isEqualTo("EXTERNAL_SIGNER");
        assertThat(created.body().get("address").asString()).isEqualTo(checksum(wallet));
        assertThat(created.body().get("signerUrl").asString()).isEqualTo("https://signer.example.com:9000/api");
        assertThat(created.body().get("label").asString()).startsWith("wallet " + checksum(wallet).substring(0, 6));
        WalletSigner signer = service.signer(user.id(), UUID.fromString(created.body().get("id").asString())).orElseThrow();
        assertThat(signer).isEqualTo(new WalletSigner.External(java.net.URI.create("https://signer.example.com:9000/api"), checksum(wallet)));
    }

    @Test
    void badInputIsA400NamingTheFieldAndNeverEchoesAKey(CapturedOutput output) {
        Session user = newUser();
        String almost = "f".repeat(64); // above the curve order
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("privateKey", "0x1234"), Map.of("privateKey", almost),
                Map.of("privateKey", "0".repeat(64)))) {
            Answer a = post("/api/v1/wallet-keys", user, body);
            assertProblem(a, 400, "VALIDATION_ERROR");
            assertThat(a.errorFields()).containsExactly("privateKey");
            assertThat(a.body().toString()).doesNotContain(almost);
        }
        assertThat(output.getAll()).doesNotContain(almost);
        assertThat(post("/api/v1/wallet-keys", user, new HashMap<>()).errorFields()).containsExactly("privateKey");
        assertThat(post("/api/v1/wallet-keys", user, Map.of("privateKey", hexKey(newWallet()), "signerUrl", "https://x.org"))
                .errorFields()).containsExactly("signerUrl");
        assertThat(post("/api/v1/wallet-keys", user, Map.of("signerUrl", "ftp://x.org", "address", newWallet().getAddress()))
                .errorFields()).containsExactly("signerUrl");
        assertThat(post("/api/v1/wallet-keys", user, Map.of("signerUrl", "https://me:pw@x.org", "address", newWallet().getAddress()))
                .errorFields()).containsExactly("signerUrl");
        assertThat(post("/api/v1/wallet-keys", user, Map.of("signerUrl", "https://x.org")).errorFields()).containsExactly("address");
        String wrongCase = "0x" + checksum(newWallet()).substring(2).chars().mapToObj(c -> String.valueOf((char) c))
                .map(c -> Character.isUpperCase(c.charAt(0)) ? c.toLowerCase() : c.toUpperCase()).reduce("", String::concat);
        Answer typo = post("/api/v1/wallet-keys", user, Map.of("signerUrl", "https://x.org", "address", wrongCase));
        assertThat(typo.errorFields()).containsExactly("address");
        assertThat(post("/api/v1/wallet-keys", user, Map.of("privateKey", hexKey(newWallet()), "label", "x".repeat(101)))
                .errorFields()).containsExactly("label");
    }

    @Test
    void theSameWalletTwiceIsAConflictAndDeleteRemovesIt() {
        Session user = newUser();
        Credentials wallet = newWallet();
        String id = post("/api/v1/wallet-keys", user, Map.of("privateKey", hexKey(wallet))).body().get("id").asString();
        assertProblem(post("/api/v1/wallet-keys", user, Map.of("signerUrl", "https://x.org", "address", wallet.getAddress())),
                409, "CONFLICT");
        Session other = newUser();
        assertThat(post("/api/v1/wallet-keys", other, Map.of("privateKey", hexKey(wallet))).status())
                .as("another user may hold the same wallet").isEqualTo(201);
        assertProblem(delete("/api/v1/wallet-keys/" + id, other), 404, "NOT_FOUND");
        assertThat(delete("/api/v1/wallet-keys/" + id, user).status()).isEqualTo(204);
        assertThat(get("/api/v1/wallet-keys", user).body()).isEmpty();
        assertProblem(delete("/api/v1/wallet-keys/" + id, user), 404, "NOT_FOUND");
        assertProblem(get("/api/v1/wallet-keys", null), 401, "UNAUTHORIZED");
    }

    @Test
    void theUsersRequireForKeysSettingAsksForACode() {
        Session user = newUser();
        String secret = post("/api/v1/me/2fa/setup", user, null).body().get("secret").asString();
        assertThat(post("/api/v1/me/2fa/enable", user, Map.of("code", freshCode(secret))).status()).isEqualTo(200);
        var requirements = MockMvcRequestBuilders.put("/api/v1/me/2fa/requirements").header("X-Botfleet-OTP", freshCode(secret));
        assertThat(send(requirements, user, Map.of("requireForLive", false, "requireForKeys", true)).status()).isEqualTo(200);

        Map<String, String> body = Map.of("privateKey", hexKey(newWallet()));
        assertProblem(post("/api/v1/wallet-keys", user, body), 403, "TOTP_REQUIRED");
        assertThat(get("/api/v1/wallet-keys", user).body()).isEmpty();
        var withCode = MockMvcRequestBuilders.post("/api/v1/wallet-keys").header("X-Botfleet-OTP", freshCode(secret));
        assertThat(send(withCode, user, body).status()).isEqualTo(201);
    }

    private String freshCode(String secret) {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return Totp.code(Base32.decode(secret), Totp.step(clock.instant()));
    }
}
