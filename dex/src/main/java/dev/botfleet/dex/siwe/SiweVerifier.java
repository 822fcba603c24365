package dev.botfleet.dex.siwe;

import dev.botfleet.dex.siwe.SiweException.Reason;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Checks a signed EIP-4361 message for a relying party: the format, the domain it expects, the validity window at
 * {@code now}, and an EIP-191 personal_sign signature whose recovered address must be the message's. Nonces are the
 * caller's business (issued, stored, spent once). Contract accounts (EIP-1271) are not supported: they need a chain.
 */
public final class SiweVerifier {
    private static final Pattern SIGNATURE = Pattern.compile("(?:0x)?[0-9a-fA-F]{130}");

    private SiweVerifier() {
    }

    /** @return the parsed message when every check passes */
    public static SiweMessage verify(String text, String signature, String expectedDomain, Instant now)
            throws SiweException {
        SiweMessage message = SiweParser.parse(text);
        if (!message.domain().equalsIgnoreCase(expectedDomain)) {
            throw new SiweException(Reason.WRONG_DOMAIN, "the message is for " + message.domain()
                    + ", not for this site (" + expectedDomain + ")");
        }
        if (message.expirationTime() != null && !now.isBefore(message.expirationTime())) {
            throw new SiweException(Reason.EXPIRED, "the message expired at " + message.expirationTime());
        }
        if (message.notBefore() != null && now.isBefore(message.notBefore())) {
            throw new SiweException(Reason.NOT_YET_VALID, "the message is not valid before " + message.notBefore());
        }
        String signer = recoverSigner(text, signature);
        if (!signer.equalsIgnoreCase(message.address())) {
            throw new SiweException(Reason.ADDRESS_MISMATCH, "the signature was made by " + signer
                    + ", not by the message's address " + message.address());
        }
        return message;
    }

    /**
     * The address that personal_sign'ed {@code text} (EIP-191 version 0x45: "\x19Ethereum Signed Message:\n" + the
     * length in bytes + the UTF-8 bytes), in checksum form. The signature is r || s || v, 65 bytes in hex; v may be
     * 27/28 or 0/1 (some wallets and hardware signers answer the latter).
     */
    public static String recoverSigner(String text, String signature) throws SiweException {
        if (signature == null || !SIGNATURE.matcher(signature).matches()) {
            throw new SiweException(Reason.BAD_SIGNATURE, "the signature must be 65 bytes in hexadecimal (r, s, v)");
        }
        byte[] bytes = Numeric.hexStringToByteArray(signature);
        byte v = bytes[64];
        if (v == 0 || v == 1) v += 27;
        if (v != 27 && v != 28) throw new SiweException(Reason.BAD_SIGNATURE, "the signature's v must be 27 or 28");
        Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
        try {
            BigInteger publicKey = Sign.signedPrefixedMessageToKey(text.getBytes(StandardCharsets.UTF_8), data);
            return Keys.toChecksumAddress(Keys.getAddress(publicKey));
        } catch (SignatureException | RuntimeException e) {
            // r or s out of range, or no point on the curve: not a signature at all
            throw new SiweException(Reason.BAD_SIGNATURE, "no signer can be recovered from this signature");
        }
    }
}
