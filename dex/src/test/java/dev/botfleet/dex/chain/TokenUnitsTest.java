package dev.botfleet.dex.chain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenUnitsTest {

    @Test
    void convertsExactlyBothWaysAndNeverRoundsUpWhatWeSpend() {
        assertThat(TokenUnits.toDecimal(BigInteger.valueOf(1_974_316_068L), 6)).isEqualTo(new BigDecimal("1974.316068"));
        assertThat(TokenUnits.toUnits(new BigDecimal("1974.316068"), 6)).isEqualTo(BigInteger.valueOf(1_974_316_068L));
        assertThat(TokenUnits.toUnits(new BigDecimal("0.0000019"), 6)).isEqualTo(BigInteger.ONE);
        assertThat(TokenUnits.toUnits(new BigDecimal("1.5"), 18)).isEqualTo(new BigInteger("1500000000000000000"));
        assertThat(TokenUnits.toDecimal(new BigInteger("1234567890123456789"), 18))
                .isEqualTo(new BigDecimal("1.234567890123456789"));
        assertThatThrownBy(() -> TokenUnits.toUnits(new BigDecimal("-1"), 6)).hasMessageContaining("negative");
    }
}
