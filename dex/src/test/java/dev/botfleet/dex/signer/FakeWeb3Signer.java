package dev.botfleet.dex.signer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A local stand-in for Web3Signer's Eth1 JSON-RPC (docs.web3signer.consensys.io, "JSON-RPC API"), on loopback: JSON-RPC
 * 2.0 over HTTP POST, {@code eth_accounts} and {@code eth_signTransaction} for the keys it holds, signing EIP-1559
 * transactions with web3j for its configured chain id (Web3Signer's {@code --chain-id}). An unknown {@code from} or a
 * missing field is a JSON-RPC error, not a signature. Unlike Web3Signer it never fills a missing nonce from a node:
 * botfleet always sends one, and a request without it is a bug worth seeing.
 *
 * <p>{@link #behave} switches it to the ways a signer goes wrong: it signs other fields, signs with another key,
 * refuses everything, or never answers (until closed).
 */
public final class FakeWeb3Signer implements AutoCloseable {
    public enum Behaviour {
        /** Signs exactly what is asked. */
        HONEST,
        /** Signs the asked transaction with one more wei of value and sent to itself: a signer that lies. */
        SIGNS_OTHER_FIELDS,
        /** Signs what is asked with a key other than {@code from}'s. */
        SIGNS_WITH_ANOTHER_KEY,
        /** Answers every signing request with a JSON-RPC error. */
        REFUSES,
        /** Accepts the connection and never answers (a hung signer). */
        SILENT
    }

    /** Web3Signer's code for a signing request it cannot serve (JSON-RPC's server-error range). */
    public static final int NOT_UNLOCKED = -32000;
    public static final int INVALID_PARAMS = -32602;
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-fA-F][0-9a-fA-F]*)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final long chainId;
    private final Map<String, Credentials> keys = new LinkedHashMap<>();
    private final List<String> signed = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private volatile Behaviour behaviour = Behaviour.HONEST;

    private FakeWeb3Signer(long chainId, List<Credentials> held) throws IOException {
        this.chainId = chainId;
        for (Credentials c : held) keys.put(c.getAddress().toLowerCase(Locale.ROOT), c);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts a signer holding {@code keys}, signing for {@code chainId}. */
    public static FakeWeb3Signer start(long chainId, Credentials... keys) {
        try {
            return new FakeWeb3Signer(chainId, List.of(keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Every signed transaction it answered, in order. */
    public synchronized List<String> signed() {
        return List.copyOf(signed);
    }

    /** The Authorization header of every request (null when none was sent). */
    public synchronized List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (behaviour == Behaviour.SILENT) {
                closing.await();  // held until close(): the client's timeout must end the wait, not us
                return;
            }
            byte[] answer = answer(body).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode answer(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            return error(null, -32700, "Parse error");
        }
        JsonNode id = request.get("id");
        if (!"2.0".equals(request.path("jsonrpc").asString(null)) || !request.path("method").isString()) {
            return error(id, -32600, "Invalid Request");
        }
        return switch (request.get("method").asString()) {
            case "eth_accounts" -> {
                ObjectNode ok = result(id);
                var list = ok.putArray("result");
                keys.keySet().forEach(list::add);
                yield ok;
            }
            case "eth_signTransaction" -> signTransaction(id, request.get("params"));
            default -> error(id, -32601, "Method not found");
        };
    }

    private ObjectNode signTransaction(JsonNode id, JsonNode params) {
        if (params == null || !params.isArray() || params.size() != 1 || !params.get(0).isObject()) {
            return error(id, INVALID_PARAMS, "Invalid params");
        }
        JsonNode tx = params.get(0);
        String from = tx.path("from").asString("");
        String to = tx.path("to").asString("");
        if (!ADDRESS.matcher(from).matches() || !ADDRESS.matcher(to).matches()) {
            return error(id, INVALID_PARAMS, "Invalid params");
        }
        BigInteger gas = quantity(tx, "gas");
        BigInteger maxFee = quantity(tx, "maxFeePerGas");
        BigInteger tip = quantity(tx, "maxPriorityFeePerGas");
        BigInteger value = quantity(tx, "value");
        BigInteger nonce = quantity(tx, "nonce");
        String data = tx.path("data").asString("0x");
        if (gas == null || maxFee == null || tip == null || value == null || nonce == null
                || !data.matches("0x([0-9a-fA-F]{2})*")) {
            return error(id, INVALID_PARAMS, "Invalid params");
        }
        Credentials key = keys.get(from.toLowerCase(Locale.ROOT));
        if (key == null) {
            return error(id, NOT_UNLOCKED, "Signing from address is not an unlocked account: " + from);
        }
        Behaviour now = behaviour;
        if (now == Behaviour.REFUSES) {
            return error(id, NOT_UNLOCKED, "Signing refused by policy");
        }
        if (now == Behaviour.SIGNS_OTHER_FIELDS) {
            to = key.getAddress();
            value = value.add(BigInteger.ONE);
        }
        if (now == Behaviour.SIGNS_WITH_ANOTHER_KEY) {
            key = Credentials.create(Numeric.toHexStringNoPrefixZeroPadded(
                    key.getEcKeyPair().getPrivateKey().add(BigInteger.ONE), 64));
        }
        RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, gas, to, value, data, tip, maxFee);
        String hex = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, key));
        synchronized (this) {
            signed.add(hex);
        }
        ObjectNode ok = result(id);
        ok.put("result", hex);
        return ok;
    }

    private static BigInteger quantity(JsonNode tx, String field) {
        String text = tx.path(field).asString("");
        return QUANTITY.matcher(text).matches() ? Numeric.decodeQuantity(text) : null;
    }

    private static ObjectNode result(JsonNode id) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        return answer;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode answer = result(id);
        answer.putObject("error").put("code", code).put("message", message);
        return answer;
    }

    /** Stops answering: connections are refused from now on (a signer that is down). */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
