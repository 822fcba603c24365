package dev.botfleet.dex.chain;

import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/**
 * A real EVM for tests: ganache 7.9.2 (installed into dex/chain by the dex module's build) on a free loopback port,
 * with deterministic funded accounts and a chosen chain id. Nothing is mocked: web3j talks JSON-RPC to it like to any
 * node.
 *
 * <p>{@link #start()} returns once ganache printed that it listens and answered {@code eth_chainId} with our id;
 * {@link #close()} kills the node process and any children, and a JVM shutdown hook does the same if a test run is cut
 * short. One chain per test class keeps the suite fast (start-up is a couple of seconds).
 *
 * <p>Server tests use it from the dex test-jar. The chain folder is found from the system property
 * {@code botfleet.dex.chain} or by walking up from the working directory to {@code dex/chain}.
 */
public final class LocalChain implements AutoCloseable {

    /** Wei each account starts with: 10,000 ether. */
    public static final BigInteger ACCOUNT_BALANCE = BigInteger.TEN.pow(22);
    public static final long DEFAULT_CHAIN_ID = 1337;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final long chainId;
    private final List<Credentials> accounts;
    private final HttpService service;
    private final Web3j web3j;
    private final Thread shutdownHook;
    private final Deque<String> lastOutput;

    private LocalChain(Process process, int port, long chainId, List<Credentials> accounts, Deque<String> lastOutput) {
        this.process = process;
        this.port = port;
        this.chainId = chainId;
        this.accounts = List.copyOf(accounts);
        this.lastOutput = lastOutput;
        this.service = new HttpService(rpcUrl());
        this.web3j = Web3j.build(service);
        this.shutdownHook = new Thread(() -> killTree(process), "local-chain-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static LocalChain start() {
        return start(new Options(DEFAULT_CHAIN_ID, 10, 0, List.of()));
    }

    /**
     * @param chainId       what {@code eth_chainId} answers (signatures are bound to it, EIP-155)
     * @param accounts      how many funded accounts (keys derived from a fixed phrase, so the same on every run)
     * @param blockTimeSecs 0 = a block per transaction as soon as it arrives; more = blocks on a timer
     * @param extraArgs     further ganache options, e.g. {@code --miner.instamine=strict}
     */
    public record Options(long chainId, int accounts, int blockTimeSecs, List<String> extraArgs) {}

    public static LocalChain start(Options options) {
        List<Credentials> keys = IntStream.range(0, options.accounts()).mapToObj(LocalChain::account).toList();
        IllegalStateException last = null;
        // A free port can be taken between our probe and ganache's bind: then ganache exits and we try another.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return launch(options, keys, freePort());
            } catch (IllegalStateException e) {
                if (!String.valueOf(e.getMessage()).contains("EADDRINUSE")) throw e;
                last = e;
            }
        }
        throw last;
    }

    /** The account number {@code index}: its key is keccak256("botfleet local chain account " + index). */
    public static Credentials account(int index) {
        byte[] key = Hash.sha3(("botfleet local chain account " + index).getBytes(StandardCharsets.UTF_8));
        return Credentials.create(Numeric.toHexStringWithPrefixZeroPadded(new BigInteger(1, key), 64));
    }

    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** ganache answers WebSocket JSON-RPC (subscriptions) on the same port. */
    public String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    public long chainId() {
        return chainId;
    }

    public Web3j web3j() {
        return web3j;
    }

    public List<Credentials> accounts() {
        return accounts;
    }

    public Credentials account0() {
        return accounts.getFirst();
    }

    /**
     * Stops mining: transactions sent from now on wait in ganache's pool (pending) until {@link #mine()} or
     * {@link #startMining()} — for stuck-transaction, replacement and mempool tests.
     */
    public void stopMining() {
        rpc("miner_stop");
    }

    public void startMining() {
        rpc("miner_start");
    }

    /** Mines one block now (with whatever is pending). */
    public void mine() {
        rpc("evm_mine");
    }

    /** Moves the chain's clock forward (takes effect from the next block), e.g. to pass a swap's deadline. */
    public void increaseTime(Duration by) {
        rpc("evm_increaseTime", by.toSeconds());
    }

    /** A raw JSON-RPC call for ganache's own methods; fails on an RPC error. */
    public Object rpc(String method, Object... params) {
        try {
            Response<?> answer = new Request<>(method, List.of(params), service, RawResponse.class).send();
            if (answer.hasError()) throw new IllegalStateException(method + ": " + answer.getError().getMessage());
            return answer.getResult();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " failed", e);
        }
    }

    /** A JSON-RPC response whose result we take as it comes. */
    public static final class RawResponse extends Response<Object> {}

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        web3j.shutdown();
        killTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway; nothing to undo
        }
    }

    private static LocalChain launch(Options options, List<Credentials> keys, int port) {
        List<String> command = new ArrayList<>(List.of(nodeExecutable(), ganacheCli().toString(),
                "--server.host", "127.0.0.1",
                "--server.port", String.valueOf(port),
                "--chain.chainId", String.valueOf(options.chainId()),
                "--miner.blockTime", String.valueOf(options.blockTimeSecs())));
        for (Credentials key : keys) {
            command.add("--wallet.accounts");
            command.add(Numeric.toHexStringWithPrefixZeroPadded(key.getEcKeyPair().getPrivateKey(), 64)
                    + "," + Numeric.toHexStringWithPrefix(ACCOUNT_BALANCE));
        }
        command.addAll(options.extraArgs());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run node (is it installed and on PATH?)", e);
        }
        Deque<String> lastOutput = new ArrayDeque<>();
        CompletableFuture<Void> listening = drainOutput(process, port, lastOutput);
        try {
            // Wait for ganache's own "RPC Listening on" line (or its exit), then ask it over RPC.
            CompletableFuture.anyOf(listening, process.onExit())
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!listening.isDone()) {
                throw new IllegalStateException("ganache exited with " + process.exitValue() + " before listening on "
                        + port + ":\n" + String.join("\n", snapshot(lastOutput)));
            }
            LocalChain chain = new LocalChain(process, port, options.chainId(), keys, lastOutput);
            long answered = chain.web3j.ethChainId().send().getChainId().longValueExact();
            if (answered != options.chainId()) {
                chain.close();
                throw new IllegalStateException("ganache answered chain id " + answered + ", asked for " + options.chainId());
            }
            return chain;
        } catch (TimeoutException | ExecutionException | IOException e) {
            killTree(process);
            throw new IllegalStateException("ganache did not start within " + START_TIMEOUT + ":\n"
                    + String.join("\n", snapshot(lastOutput)), e);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ganache started", e);
        }
    }

    /** Reads ganache's output for ever (so its pipe never fills), keeping the last lines for error messages. */
    private static CompletableFuture<Void> drainOutput(Process process, int port, Deque<String> lastOutput) {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread drainer = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (lastOutput) {
                        lastOutput.addLast(line);
                        if (lastOutput.size() > 40) lastOutput.removeFirst();
                    }
                    if (line.contains("RPC Listening on") && line.contains(":" + port)) listening.complete(null);
                }
            } catch (IOException streamClosed) {
                // the process ended; onExit tells the waiter
            }
        }, "ganache-output-" + port);
        drainer.setDaemon(true);
        drainer.start();
        return listening;
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last lines ganache printed (method names of the RPC calls it served), for a failing test's message. */
    public List<String> lastOutput() {
        return snapshot(lastOutput);
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nodeExecutable() {
        return System.getProperty("botfleet.dex.node", "node");
    }

    private static Path ganacheCli() {
        Path cli = ChainFolder.path().resolve("node_modules/ganache/dist/node/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: build the dex module (mvn -pl dex -am test-compile) "
                    + "or run `node dex/chain/setup.mjs` to install ganache");
        }
        return cli;
    }
}
