package dev.botfleet.dex.siwe;

import dev.botfleet.dex.siwe.SiweException.Reason;
import org.web3j.crypto.Keys;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an EIP-4361 message exactly as the EIP's ABNF lays it out: LF line ends, the fields in their order, nothing
 * after the last one. Every refusal is {@link Reason#MALFORMED} and names the line ("line 2: ..."), so a user or a
 * wallet developer can see what to fix.
 */
public final class SiweParser {
    /** Longer messages are refused before any work: the EIP leaves limits to implementers (denial of service). */
    public static final int MAX_LENGTH = 4096;

    // RFC 3986 character classes, as the ABNF references them
    private static final String UNRESERVED = "A-Za-z0-9\\-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String PCT = "%[0-9A-Fa-f]{2}";
    private static final String SCHEME = "[A-Za-z][A-Za-z0-9+\\-.]*";
    private static final String USERINFO = "(?:[" + UNRESERVED + SUB_DELIMS + ":]|" + PCT + ")*";
    private static final String HOST = "(?:\\[[0-9A-Za-z:." + "\\-_~" + SUB_DELIMS + "]+\\]|(?:[" + UNRESERVED
            + SUB_DELIMS + "]|" + PCT + ")+)";
    private static final String AUTHORITY = "(?:" + USERINFO + "@)?" + HOST + "(?::[0-9]*)?";
    private static final Pattern FIRST_LINE = Pattern.compile(
            "(?:(" + SCHEME + ")://)?(" + AUTHORITY + ")" + Pattern.quote(SiweMessage.PREAMBLE));
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    /** reserved / unreserved / " ": no LF, no "%", nothing outside ASCII. */
    private static final Pattern STATEMENT = Pattern.compile("[" + UNRESERVED + ":/?#\\[\\]@" + SUB_DELIMS + " ]*");
    private static final Pattern CHAIN_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern REQUEST_ID = Pattern.compile("(?:[" + UNRESERVED + SUB_DELIMS + ":@]|" + PCT + ")*");

    private SiweParser() {
    }

    public static SiweMessage parse(String text) throws SiweException {
        if (text == null || text.isEmpty()) throw malformed(1, "the message is empty");
        if (text.length() > MAX_LENGTH) {
            throw new SiweException(Reason.MALFORMED, "the message is longer than " + MAX_LENGTH + " characters");
        }
        return new Lines(text.split("\n", -1)).read();
    }

    /** The lines of one message and a cursor over them; {@code at} is the 0-based index of the next line. */
    private static final class Lines {
        private final String[] lines;
        private int at;

        Lines(String[] lines) {
            this.lines = lines;
        }

        SiweMessage read() throws SiweException {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].endsWith("\r")) throw malformed(i + 1, "ends with a carriage return; the format uses LF line ends only");
            }
            Matcher first = FIRST_LINE.matcher(next("the first line \"<domain>" + SiweMessage.PREAMBLE + "\""));
            if (!first.matches()) {
                throw malformed(at, "must be \"<domain>" + SiweMessage.PREAMBLE + "\" with an RFC 3986 authority as the domain");
            }
            String address = address(next("the address"));
            if (!next("an empty line").isEmpty()) throw malformed(at, "must be empty (after the address)");
            String statement = statement();
            String uri = uri(field("URI: "), "URI");
            String version = field("Version: ");
            if (!SiweMessage.VERSION.equals(version)) throw malformed(at, "Version must be 1");
            long chainId = chainId(field("Chain ID: "));
            String nonce = field("Nonce: ");
            if (!NONCE.matcher(nonce).matches()) throw malformed(at, "Nonce must be at least 8 letters or digits");
            Instant issuedAt = time(field("Issued At: "), "Issued At");
            Instant expiration = optional("Expiration Time: ") ? time(field("Expiration Time: "), "Expiration Time") : null;
            Instant notBefore = optional("Not Before: ") ? time(field("Not Before: "), "Not Before") : null;
            String requestId = null;
            if (optional("Request ID: ")) {
                requestId = field("Request ID: ");
                if (!REQUEST_ID.matcher(requestId).matches()) throw malformed(at, "Request ID may only hold RFC 3986 pchar characters");
            }
            List<String> resources = resources();
            if (at < lines.length) {
                throw malformed(at + 1, "unexpected text after the message (fields must come in the EIP's order,"
                        + " with no line end after the last one)");
            }
            return new SiweMessage(first.group(1), first.group(2), address, statement, uri, version, chainId, nonce,
                    issuedAt, expiration, notBefore, requestId, resources);
        }

        /** "[ statement LF ] LF": either an empty line, or the statement and an empty line. */
        private String statement() throws SiweException {
            String line = next("a statement or an empty line");
            if (line.isEmpty() && at < lines.length && lines[at].startsWith("URI: ")) return null;
            if (!STATEMENT.matcher(line).matches()) {
                throw malformed(at, "the statement may only hold printable ASCII letters, digits, spaces and RFC 3986"
                        + " reserved or unreserved characters");
            }
            if (!next("an empty line").isEmpty()) throw malformed(at, "must be empty (after the statement)");
            return line;
        }

        private List<String> resources() throws SiweException {
            List<String> resources = new ArrayList<>();
            if (at >= lines.length) return resources;
            if (!lines[at].equals("Resources:")) return resources;
            at++;
            while (at < lines.length && lines[at].startsWith("- ")) {
                String line = lines[at++]; // moved first: errors name the 1-based line, as after next()
                resources.add(uri(line.substring(2), "a resource"));
            }
            return resources;
        }

        private String next(String what) throws SiweException {
            if (at >= lines.length) throw malformed(at + 1, "missing: expected " + what);
            return lines[at++];
        }

        private String field(String prefix) throws SiweException {
            String line = next("\"" + prefix.strip() + "\"");
            if (!line.startsWith(prefix)) throw malformed(at, "expected \"" + prefix + "...\"");
            return line.substring(prefix.length());
        }

        private boolean optional(String prefix) {
            return at < lines.length && lines[at].startsWith(prefix);
        }

        private String address(String line) throws SiweException {
            if (!ADDRESS.matcher(line).matches()) throw malformed(at, "the address must be 0x and 40 hexadecimal digits");
            String checksummed = Keys.toChecksumAddress(line);
            if (!checksummed.equals(line)) {
                throw malformed(at, "the address is not in EIP-55 checksum form (expected " + checksummed + ")");
            }
            return line;
        }

        private String uri(String value, String what) throws SiweException {
            try {
                URI uri = new URI(value);
                if (uri.isAbsolute()) return value;
            } catch (URISyntaxException e) {
                // answered below in the same words
            }
            throw malformed(at, what + " must be an absolute RFC 3986 URI");
        }

        private long chainId(String value) throws SiweException {
            if (!CHAIN_ID.matcher(value).matches()) throw malformed(at, "Chain ID must be a number (EIP-155)");
            return Long.parseLong(value);
        }

        private Instant time(String value, String what) throws SiweException {
            if (DATE_TIME.matcher(value).matches()) {
                try {
                    return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
                } catch (DateTimeParseException e) {
                    // a well-shaped but impossible date (month 13): answered below
                }
            }
            throw malformed(at, what + " must be an RFC 3339 date-time such as 2021-09-30T16:25:24Z");
        }
    }

    private static SiweException malformed(int line, String problem) {
        return new SiweException(Reason.MALFORMED, "line " + line + ": " + problem);
    }
}
