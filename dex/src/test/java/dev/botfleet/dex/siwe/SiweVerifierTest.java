package dev.botfleet.dex.siwe;

import dev.botfleet.dex.siwe.SiweException.Reason;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signatures made here with known keys (the first two accounts of Hardhat's and Anvil's public test mnemonic). */
class SiweVerifierTest {
    static final Credentials ALICE = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final Credentials BOB = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final Instant ISSUED = Instant.parse("2026-12-03T20:00:00Z");

    static SiweMessage messageOf(Credentials who) {
        return SiweMessage.of("bots.example.com", org.web3j.crypto.Keys.toChecksumAddress(who.getAddress()),
                        "Sign in to botfleet", "https://bots.example.com/login", 1, "n0nceN0nce42", ISSUED)
                .withExpirationTime(ISSUED.plusSeconds(300))
                .withNotBefore(ISSUED.minusSeconds(5));
    }

    /** What a wallet's personal_sign answers: r || s || v in hex. */
    static String personalSign(String text, Credentials who) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(text.getBytes(StandardCharsets.UTF_8), who.getEcKeyPair());
        byte[] all = new byte[65];
        System.arraycopy(sig.getR(), 0, all, 0, 32);
        System.arraycopy(sig.getS(), 0, all, 32, 32);
        all[64] = sig.getV()[0];
        return Numeric.toHexString(all);
    }

    @Test
    void theKnownKeysHaveTheirPublishedAddresses() {
        assertThat(ALICE.getAddress()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(BOB.getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    }

    @Test
    void theSignedHashIsEip191VersionE() {
        String text = messageOf(ALICE).toText();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + utf8.length).getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[prefix.length + utf8.length];
        System.arraycopy(prefix, 0, both, 0, prefix.length);
        System.arraycopy(utf8, 0, both, prefix.length, utf8.length);
        assertThat(Sign.getEthereumMessageHash(utf8)).isEqualTo(Hash.sha3(both));
    }

    @Test
    void acceptsAMessageSignedByItsAddress() throws SiweException {
        String text = messageOf(ALICE).toText();
        SiweMessage verified = SiweVerifier.verify(text, personalSign(text, ALICE), "bots.example.com", ISSUED.plusSeconds(10));
        assertThat(verified.address()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(SiweVerifier.recoverSigner(text, personalSign(text, ALICE))).isEqualTo(verified.address());
    }

    @Test
    void acceptsVAsZeroOrOneAndWithoutThe0xPrefix() throws SiweException {
        String text = messageOf(ALICE).toText();
        String sig = personalSign(text, ALICE);
        int v = Integer.parseInt(sig.substring(130), 16);
        String lowV = sig.substring(2, 130) + String.format("%02x", v - 27);
        assertThat(SiweVerifier.recoverSigner(text, lowV)).isEqualTo(messageOf(ALICE).address());
    }

    @Test
    void refusesAnotherSignerAsAnAddressMismatch() {
        String text = messageOf(ALICE).toText();
        assertThatThrownBy(() -> SiweVerifier.verify(text, personalSign(text, BOB), "bots.example.com", ISSUED))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_MISMATCH))
                .hasMessage("the signature was made by 0x70997970C51812dc3A010C7d01b50e0d17dc79C8, not by the"
                        + " message's address 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    }

    @Test
    void refusesASignatureOfOtherText() {
        String text = messageOf(ALICE).toText();
        String signedOther = personalSign(text.replace("Sign in to botfleet", "Sign in to botfleeT"), ALICE);
        assertThatThrownBy(() -> SiweVerifier.verify(text, signedOther, "bots.example.com", ISSUED))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ADDRESS_MISMATCH));
    }

    @Test
    void refusesGarbageSignatures() {
        String text = messageOf(ALICE).toText();
        String good = personalSign(text, ALICE);
        for (String bad : new String[]{null, "", "0x1234", good + "00", good.substring(0, 130) + "1d",
                "0x" + "00".repeat(65 - 1) + "1b", "0x" + "ff".repeat(64) + "1b"}) {
            assertThatThrownBy(() -> SiweVerifier.verify(text, bad, "bots.example.com", ISSUED))
                    .as(String.valueOf(bad))
                    .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        }
    }

    @Test
    void refusesTheWrongDomainAndTimesOutsideTheWindow() {
        String text = messageOf(ALICE).toText();
        String sig = personalSign(text, ALICE);
        assertThatThrownBy(() -> SiweVerifier.verify(text, sig, "evil.example.com", ISSUED))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_DOMAIN))
                .hasMessage("the message is for bots.example.com, not for this site (evil.example.com)");
        assertThatThrownBy(() -> SiweVerifier.verify(text, sig, "bots.example.com", ISSUED.plusSeconds(300)))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
                .hasMessage("the message expired at 2026-12-03T20:05:00Z");
        assertThatThrownBy(() -> SiweVerifier.verify(text, sig, "bots.example.com", ISSUED.minusSeconds(6)))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_YET_VALID))
                .hasMessage("the message is not valid before 2026-12-03T19:59:55Z");
    }

    @Test
    void aMalformedMessageIsRefusedBeforeTheSignatureIsLookedAt() {
        assertThatThrownBy(() -> SiweVerifier.verify("hello", "0x00", "bots.example.com", ISSUED))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageStartingWith("line 1:");
    }
}
