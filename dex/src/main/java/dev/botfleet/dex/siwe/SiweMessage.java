package dev.botfleet.dex.siwe;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One EIP-4361 message, field by field. Optional fields are null when absent; {@code resources} is empty when the
 * message has no "Resources:" section.
 *
 * @param scheme   the optional URI scheme before the domain ("https"), null when absent
 * @param domain   the RFC 3986 authority asking for the sign-in ("example.com", "localhost:8080")
 * @param address  the signing account in EIP-55 checksum form
 * @param statement the human-readable line the user agrees to, null when absent
 * @param chainId  the EIP-155 chain the session is bound to
 */
public record SiweMessage(String scheme, String domain, String address, String statement, String uri, String version,
                          long chainId, String nonce, Instant issuedAt, Instant expirationTime, Instant notBefore,
                          String requestId, List<String> resources) {
    public static final String VERSION = "1";
    static final String PREAMBLE = " wants you to sign in with your Ethereum account:";

    public SiweMessage {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** The fields a relying party fills in for a fresh message; the rest absent. */
    public static SiweMessage of(String domain, String address, String statement, String uri, long chainId,
                                 String nonce, Instant issuedAt) {
        return new SiweMessage(null, domain, address, statement, uri, VERSION, chainId, nonce, issuedAt, null, null,
                null, List.of());
    }

    public SiweMessage withExpirationTime(Instant at) {
        return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce, issuedAt, at, notBefore,
                requestId, resources);
    }

    public SiweMessage withNotBefore(Instant at) {
        return new SiweMessage(scheme, domain, address, statement, uri, version, chainId, nonce, issuedAt,
                expirationTime, at, requestId, resources);
    }

    /**
     * The text a wallet signs, laid out as the ABNF says (LF line ends, no final LF). Times are written in UTC
     * (ISO_INSTANT); a message parsed with another offset keeps its meaning but not its exact text.
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        if (scheme != null) b.append(scheme).append("://");
        b.append(domain).append(PREAMBLE).append('\n');
        b.append(address).append('\n');
        b.append('\n');
        if (statement != null) b.append(statement).append('\n');
        b.append('\n');
        b.append("URI: ").append(uri).append('\n');
        b.append("Version: ").append(version).append('\n');
        b.append("Chain ID: ").append(chainId).append('\n');
        b.append("Nonce: ").append(nonce).append('\n');
        b.append("Issued At: ").append(time(issuedAt));
        if (expirationTime != null) b.append("\nExpiration Time: ").append(time(expirationTime));
        if (notBefore != null) b.append("\nNot Before: ").append(time(notBefore));
        if (requestId != null) b.append("\nRequest ID: ").append(requestId);
        if (!resources.isEmpty()) {
            b.append("\nResources:");
            for (String r : resources) b.append("\n- ").append(r);
        }
        return b.toString();
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
