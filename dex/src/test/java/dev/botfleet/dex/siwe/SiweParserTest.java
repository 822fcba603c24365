package dev.botfleet.dex.siwe;

import dev.botfleet.dex.siwe.SiweException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiweParserTest {
    /** The example message of EIP-4361 ("Example message"), byte for byte. */
    static final String EIP_EXAMPLE = """
            service.org wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ServiceOrg Terms of Service: https://service.org/tos

            URI: https://service.org/login
            Version: 1
            Chain ID: 1
            Nonce: 32891756
            Issued At: 2021-09-30T16:25:24Z
            Resources:
            - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
            - https://example.com/my-web2-claim.json""";

    @Test
    void readsTheEipExampleFieldByField() throws SiweException {
        SiweMessage m = SiweParser.parse(EIP_EXAMPLE);
        assertThat(m.scheme()).isNull();
        assertThat(m.domain()).isEqualTo("service.org");
        assertThat(m.address()).isEqualTo("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
        assertThat(m.statement()).isEqualTo("I accept the ServiceOrg Terms of Service: https://service.org/tos");
        assertThat(m.uri()).isEqualTo("https://service.org/login");
        assertThat(m.version()).isEqualTo("1");
        assertThat(m.chainId()).isEqualTo(1);
        assertThat(m.nonce()).isEqualTo("32891756");
        assertThat(m.issuedAt()).isEqualTo(Instant.parse("2021-09-30T16:25:24Z"));
        assertThat(m.expirationTime()).isNull();
        assertThat(m.notBefore()).isNull();
        assertThat(m.requestId()).isNull();
        assertThat(m.resources()).containsExactly(
                "ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/",
                "https://example.com/my-web2-claim.json");
        assertThat(m.toText()).isEqualTo(EIP_EXAMPLE);
    }

    @Test
    void readsEveryOptionalFieldAndTheScheme() throws SiweException {
        String text = """
                https://localhost:8080 wants you to sign in with your Ethereum account:
                0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266


                URI: http://localhost:8080/login
                Version: 1
                Chain ID: 31337
                Nonce: abcDEF123456
                Issued At: 2026-12-03T20:00:00.250+01:00
                Expiration Time: 2026-12-03T20:10:00Z
                Not Before: 2026-12-03t18:59:00z
                Request ID: req-7:a@b%20c""";
        SiweMessage m = SiweParser.parse(text);
        assertThat(m.scheme()).isEqualTo("https");
        assertThat(m.domain()).isEqualTo("localhost:8080");
        assertThat(m.statement()).as("no statement: two empty lines").isNull();
        assertThat(m.chainId()).isEqualTo(31337);
        assertThat(m.issuedAt()).isEqualTo(Instant.parse("2026-12-03T19:00:00.250Z"));
        assertThat(m.expirationTime()).isEqualTo(Instant.parse("2026-12-03T20:10:00Z"));
        assertThat(m.notBefore()).isEqualTo(Instant.parse("2026-12-03T18:59:00Z"));
        assertThat(m.requestId()).isEqualTo("req-7:a@b%20c");
        assertThat(m.resources()).isEmpty();
    }

    @Test
    void writesWhatItReads() throws SiweException {
        SiweMessage built = SiweMessage.of("bots.example.com", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                        "Sign in to botfleet", "https://bots.example.com", 8453, "Zx81kdP02mqa", Instant.parse("2026-12-03T20:00:00Z"))
                .withExpirationTime(Instant.parse("2026-12-03T20:05:00Z"))
                .withNotBefore(Instant.parse("2026-12-03T19:59:00Z"));
        assertThat(SiweParser.parse(built.toText())).isEqualTo(built);
        SiweMessage noStatement = SiweMessage.of("a.b", built.address(), null, "https://a.b", 1, "12345678", built.issuedAt());
        assertThat(noStatement.toText()).contains("66\n\n\nURI: ");
        assertThat(SiweParser.parse(noStatement.toText())).isEqualTo(noStatement);
    }

    /** Each broken variant of the example names the line that is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            preamble changed        | service.org wants you to sign in with your Ethereum account:| service.org wants you to log in:        | line 1:
            domain with a space     | service.org wants you to sign in| service org wants you to sign in                                  | line 1:
            address too short       | 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2| 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc| line 2: the address must be
            address bad checksum    | 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2| 0xc02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2| line 2: the address is not in EIP-55 checksum form (expected 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2)
            statement with a tab    | I accept the ServiceOrg| I accept\tthe ServiceOrg                                               | line 4:
            statement with percent  | I accept the ServiceOrg| I accept 100% the ServiceOrg                                           | line 4:
            version 2               | Version: 1              | Version: 2                                                            | line 7: Version must be 1
            chain id not a number   | Chain ID: 1             | Chain ID: one                                                         | line 8: Chain ID must be a number
            nonce too short         | Nonce: 32891756         | Nonce: 3289175                                                        | line 9: Nonce must be at least 8
            nonce not alphanumeric  | Nonce: 32891756         | Nonce: 3289-1756                                                      | line 9: Nonce must be at least 8
            issued at not a date    | Issued At: 2021-09-30T16:25:24Z| Issued At: yesterday                                           | line 10: Issued At must be an RFC 3339
            issued at month 13      | Issued At: 2021-09-30T16:25:24Z| Issued At: 2021-13-30T16:25:24Z                                | line 10: Issued At must be an RFC 3339
            uri relative            | URI: https://service.org/login| URI: /login                                                     | line 6: URI must be an absolute
            fields out of order     | Version: 1\\nChain ID: 1| Chain ID: 1\\nVersion: 1                                             | line 7: expected "Version: ..."
            resource not a uri      | - https://example.com/my-web2-claim.json| - not a uri                                           | line 13: a resource must be an absolute
            trailing line end       | my-web2-claim.json      | my-web2-claim.json\\n                                                 | line 14: unexpected text after the message
            """)
    void refusesEachBrokenLine(String name, String original, String replacement, String expected) {
        String text = EIP_EXAMPLE.replace(unescape(original), unescape(replacement));
        assertThat(text).as("the replacement applies").isNotEqualTo(EIP_EXAMPLE);
        assertThatThrownBy(() -> SiweParser.parse(text))
                .isInstanceOfSatisfying(SiweException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageStartingWith(expected);
    }

    @Test
    void refusesCarriageReturnsEmptyAndOversizedMessages() {
        assertThatThrownBy(() -> SiweParser.parse(EIP_EXAMPLE.replace("\n", "\r\n")))
                .hasMessage("line 1: ends with a carriage return; the format uses LF line ends only");
        assertThatThrownBy(() -> SiweParser.parse("")).hasMessageStartingWith("line 1: the message is empty");
        assertThatThrownBy(() -> SiweParser.parse(EIP_EXAMPLE + "\n- https://x.org/" + "a".repeat(SiweParser.MAX_LENGTH)))
                .hasMessageContaining("longer than 4096");
        String cut = String.join("\n", List.of(EIP_EXAMPLE.split("\n")).subList(0, 7));
        assertThatThrownBy(() -> SiweParser.parse(cut)).hasMessage("line 8: missing: expected \"Chain ID:\"");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }
}
