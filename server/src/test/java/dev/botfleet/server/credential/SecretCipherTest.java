package dev.botfleet.server.credential;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {
    private final SecretCipher cipher = new SecretCipher(new byte[32]);

    @Test
    void roundTripsWithAFreshIvEachTime() {
        String a = cipher.encrypt("top secret", "row-1:apiSecret");
        String b = cipher.encrypt("top secret", "row-1:apiSecret");
        assertThat(a).isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a)).hasSize(12 + "top secret".length() + 16);
        assertThat(cipher.decrypt(a, "row-1:apiSecret")).isEqualTo("top secret");
        assertThat(cipher.decrypt(b, "row-1:apiSecret")).isEqualTo("top secret");
    }

    @Test
    void aCiphertextMovedToAnotherRowOrTamperedWithDoesNotDecrypt() {
        String sealed = cipher.encrypt("top secret", "row-1:apiSecret");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "row-2:apiSecret")).hasMessageNotContaining("top secret");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(bytes), "row-1:apiSecret"))
                .isInstanceOf(IllegalStateException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new SecretCipher(otherKey).decrypt(sealed, "row-1:apiSecret"))
                .isInstanceOf(IllegalStateException.class);
    }
}
