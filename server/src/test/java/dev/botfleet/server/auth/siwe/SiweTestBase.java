package dev.botfleet.server.auth.siwe;

import dev.botfleet.dex.siwe.SiweMessage;
import dev.botfleet.server.support.ApiTestBase;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wallet as the tests play it: a web3j key made for the test (so tests sharing a database never meet each other's
 * addresses), EIP-4361 messages built with the nonce and domain the server answers, and personal_sign signatures.
 */
abstract class SiweTestBase extends ApiTestBase {
    /** MockMvc requests carry no Host header: the server's name is "localhost", so that is the domain expected. */
    static final String DOMAIN = "localhost";

    static Credentials newWallet() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String address(Credentials wallet) {
        return Keys.toChecksumAddress(wallet.getAddress());
    }

    /** r || s || v in hex, as a wallet's personal_sign answers. */
    static String personalSign(String text, Credentials wallet) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(text.getBytes(StandardCharsets.UTF_8), wallet.getEcKeyPair());
        byte[] all = new byte[65];
        System.arraycopy(sig.getR(), 0, all, 0, 32);
        System.arraycopy(sig.getS(), 0, all, 32, 32);
        all[64] = sig.getV()[0];
        return Numeric.toHexString(all);
    }

    String signInNonce() {
        Answer a = get("/api/v1/auth/siwe/nonce", null);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        assertThat(a.body().get("domain").asString()).isEqualTo(DOMAIN);
        return a.body().get("nonce").asString();
    }

    String linkNonce(Session user) {
        Answer a = get("/api/v1/me/wallet-addresses/nonce", user);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        return a.body().get("nonce").asString();
    }

    /** A message as a dapp builds it: this server's domain, now, valid for five minutes. */
    SiweMessage message(Credentials wallet, String nonce) {
        Instant now = clock.instant();
        return SiweMessage.of(DOMAIN, address(wallet), "Sign in to botfleet", "http://localhost/login", 1, nonce, now)
                .withExpirationTime(now.plusSeconds(300));
    }

    Map<String, String> signed(Credentials wallet, String nonce) {
        return signed(wallet, nonce, m -> m);
    }

    Map<String, String> signed(Credentials wallet, String nonce, UnaryOperator<SiweMessage> change) {
        String text = change.apply(message(wallet, nonce)).toText();
        return Map.of("message", text, "signature", personalSign(text, wallet));
    }

    Answer signIn(Map<String, String> body) {
        return post("/api/v1/auth/siwe", null, body);
    }

    /** Signs in and answers the session (the token's user, as GET /me says). */
    Session signInAs(Credentials wallet) {
        Answer a = signIn(signed(wallet, signInNonce()));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        String token = a.body().get("token").asString();
        Session bare = new Session(null, null, null, token);
        Answer me = get("/api/v1/me", bare);
        assertThat(me.status()).isEqualTo(200);
        return new Session(java.util.UUID.fromString(me.body().get("id").asString()), me.body().get("email").asString(),
                null, token);
    }
}
