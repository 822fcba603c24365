package dev.botfleet.dex.signer;

import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs through an external signer speaking Web3Signer's Eth1 JSON-RPC: {@code eth_signTransaction} with
 * {@code [{from, to, gas, maxFeePerGas, maxPriorityFeePerGas, value, data, nonce, chainId}]} (quantities as 0x hex)
 * answers the signed transaction, RLP encoded. What comes back is decoded and checked ({@link SignedTransactionCheck})
 * before anyone journals or broadcasts it.
 *
 * <p>Every call is bounded: a connect timeout and a whole-request timeout, so a signer that is down or hangs fails the
 * order with "the external signer at URL does not answer" instead of holding the wallet's nonce lock. A user name and
 * password in the URL ({@code https://user:pass@host/}) are sent as HTTP Basic authorization and left out of every
 * message: the URL is only ever shown without them.
 */
public final class Web3SignerClient implements TransactionSigner {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String shownUrl;
    private final String authorization;
    private final String address;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param signerUrl the signer's JSON-RPC URL, possibly with user:pass@ (never shown)
     * @param address   the wallet the signer signs for: every signed transaction must recover to it
     * @param timeout   the longest a sign call may take, connecting included
     */
    public Web3SignerClient(URI signerUrl, String address, Duration timeout) {
        String scheme = signerUrl.getScheme() == null ? "" : signerUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || signerUrl.getHost() == null) {
            throw new IllegalArgumentException("signerUrl must be an http or https URL with a host");
        }
        this.endpoint = withoutUserInfo(signerUrl);
        this.shownUrl = endpoint.toString();
        String userInfo = signerUrl.getUserInfo();
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        this.address = address.toLowerCase(Locale.ROOT);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String address() {
        return address;
    }

    /** The signer's URL as it may be shown: without credentials. */
    public String url() {
        return shownUrl;
    }

    @Override
    public String sign(RawTransaction transaction, long chainId) {
        if (!(transaction.getTransaction() instanceof Transaction1559 tx)) {
            throw new IllegalArgumentException("only EIP-1559 transactions are signed externally");
        }
        ObjectNode params = JSON.createObjectNode()
                .put("from", address)
                .put("to", tx.getTo())
                .put("gas", Numeric.encodeQuantity(tx.getGasLimit()))
                .put("maxFeePerGas", Numeric.encodeQuantity(tx.getMaxFeePerGas()))
                .put("maxPriorityFeePerGas", Numeric.encodeQuantity(tx.getMaxPriorityFeePerGas()))
                .put("value", Numeric.encodeQuantity(tx.getValue()))
                .put("data", Numeric.prependHexPrefix(tx.getData() == null ? "" : tx.getData()))
                .put("nonce", Numeric.encodeQuantity(tx.getNonce()))
                .put("chainId", Numeric.encodeQuantity(java.math.BigInteger.valueOf(chainId)));
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", "eth_signTransaction");
        request.putArray("params").add(params);

        JsonNode answer = call(request.toString());
        JsonNode error = answer.get("error");
        if (error != null && !error.isNull()) {
            throw new SignerException("the external signer at " + shownUrl + " refused to sign: "
                    + error.path("message").asString("no reason given") + " (JSON-RPC error "
                    + error.path("code").asString("?") + ")");
        }
        JsonNode result = answer.get("result");
        if (result == null || !result.isString() || !result.asString().startsWith("0x")) {
            throw new SignerException("the external signer at " + shownUrl
                    + " answered no signed transaction (no hex result)");
        }
        String signed = result.asString();
        SignedTransactionCheck.problem(signed, transaction, chainId, address).ifPresent(problem -> {
            throw new SignerException("the external signer at " + shownUrl + " returned another transaction than"
                    + " was asked, so it was not sent: " + problem);
        });
        return signed;
    }

    private JsonNode call(String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) builder.header("Authorization", authorization);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the exception's text may name the URL as given: keep it out, give the kind of failure only
            throw new SignerException("the external signer at " + shownUrl + " does not answer ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignerException("signing through the external signer at " + shownUrl + " was interrupted");
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer != null && answer.isObject() && (answer.has("result") || answer.has("error"))) return answer;
        } catch (JacksonException notJson) {
            // below: the HTTP status says more than the body
        }
        throw new SignerException("the external signer at " + shownUrl + " answered HTTP " + response.statusCode()
                + " without a JSON-RPC answer" + (response.statusCode() == 401 || response.statusCode() == 403
                ? " (check the user name and password in its URL)" : ""));
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) return uri;
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("signerUrl is not a valid URL");
        }
    }

    @Override
    public String toString() {
        return "Web3SignerClient[url=" + shownUrl + ", address=" + address + "]";
    }
}
