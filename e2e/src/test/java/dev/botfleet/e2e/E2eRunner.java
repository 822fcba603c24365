package dev.botfleet.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the browser tests against the real packaged server: starts botfleet-server.jar on a free port with a fresh
 * data dir, waits for it to be healthy, runs Playwright (headless Chromium), and always stops the server.
 *
 * <p>Maven starts this file with the toolchain's {@code java} (JDK 25) as a single-file source program; the server
 * is started with that very same java binary, so no JDK path is written anywhere.
 *
 * <p>With a fakes jar (the fakes module's {@code -exec} jar) it first starts the Binance fake as a process of its own
 * ({@code java -jar fakes-exec.jar binance --port-file F}), points the server's {@code botfleet.venues.binance.*} at it
 * (mainnet and testnet URLs alike; bybit disabled, nothing may reach a real venue) and hands the specs its REST URL and
 * key in {@code FAKE_BINANCE_REST}, {@code FAKE_BINANCE_API_KEY} and {@code FAKE_BINANCE_API_SECRET} (the live spec
 * drives the fake's test-only /_fake/ API). It also starts the fake Telegram Bot API ({@code ... telegram}), switches
 * the server's {@code botfleet.telegram} on against it (token in BOTFLEET_TELEGRAM_TOKEN) and hands the specs its URL
 * in {@code FAKE_TELEGRAM} (the telegram spec plays the user through /_fake/telegram/say). And it starts the SMTP fake
 * ({@code ... smtp}: a real SMTP server), switches the server's mail on against it with {@code botfleet.public-url} set
 * to the server's own address, and hands the specs its control URL in {@code FAKE_MAIL} (the password-reset spec reads
 * the mail through /_fake/mail). The fakes are stopped with the server.
 *
 * <p>Arguments: {@code <server jar> <e2e dir> <report dir> [<fakes exec jar>]}. Exit code: Playwright's (0 = all
 * passed).
 */
public final class E2eRunner {
    private static final Duration STARTUP_DEADLINE = Duration.ofMinutes(3);
    private static final Duration TESTS_DEADLINE = Duration.ofMinutes(20);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    private static final Duration FAKE_STARTUP_DEADLINE = Duration.ofSeconds(60);

    /** Where the fake venue listens and its account's key, as FakeVenueMain prints them. */
    private record FakeVenue(Process process, String rest, String marketStream, String userStream, String apiKey,
                             String apiSecret) {
    }

    /** The fake Telegram Bot API: its base URL (also its /_fake/telegram/ control routes), token and bot name. */
    private record FakeTelegram(Process process, String rest, String token, String botName) {
    }

    /** The SMTP fake: where it accepts mail, and its control URL (GET /_fake/mail?to=). */
    private record FakeMail(Process process, String smtpHost, String smtpPort, String rest) {
    }

    private record FakeProcess(Process process, String line) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            throw new IllegalArgumentException("usage: E2eRunner <server jar> <e2e dir> <report dir> [<fakes exec jar>]");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path e2eDir = Path.of(args[1]).toAbsolutePath();
        Path reportDir = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        if (!Files.isRegularFile(jar)) {
            fail("server jar not found: " + jar + " (build it first: mvn -pl e2e -am verify)");
        }
        Path fakesJar = args.length == 4 ? Path.of(args[3]).toAbsolutePath() : null;
        if (fakesJar != null && !Files.isRegularFile(fakesJar)) {
            fail("fakes jar not found: " + fakesJar + " (build it first: mvn -pl e2e -am verify)");
        }

        String java = ProcessHandle.current().info().command().orElseThrow();
        int feature = Runtime.version().feature();
        System.out.printf("[e2e] java %s (%s)%n", Runtime.version(), java);
        if (feature < 25) {
            fail("the server needs JDK >= 25 but this runner got " + Runtime.version());
        }

        Path dataDir = Files.createTempDirectory("botfleet-e2e-");
        Path serverLog = reportDir.resolve("server.log");

        FakeVenue fake = fakesJar == null ? null : startFake(java, fakesJar, reportDir);
        Thread fakeHook = fake == null ? null : new Thread(() -> stop(fake.process(), "fake venue"));
        if (fakeHook != null) Runtime.getRuntime().addShutdownHook(fakeHook);
        FakeTelegram telegram = fakesJar == null ? null : startTelegram(java, fakesJar, reportDir);
        Thread telegramHook = telegram == null ? null : new Thread(() -> stop(telegram.process(), "Telegram fake"));
        if (telegramHook != null) Runtime.getRuntime().addShutdownHook(telegramHook);
        FakeMail mail = fakesJar == null ? null : startMail(java, fakesJar, reportDir);
        Thread mailHook = mail == null ? null : new Thread(() -> stop(mail.process(), "SMTP fake"));
        if (mailHook != null) Runtime.getRuntime().addShutdownHook(mailHook);
        DexChain dexChain = startDexChain(e2eDir, reportDir);
        Thread dexChainHook = new Thread(() -> stop(dexChain.process(), "local chain"));
        Runtime.getRuntime().addShutdownHook(dexChainHook);

        // the port is picked only now: the fakes and the chain took theirs from the same free ports meanwhile
        int port = freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        System.out.printf("[e2e] starting %s on %s, data dir %s, log %s%n", jar.getFileName(), baseUrl, dataDir, serverLog);

        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--botfleet.data-dir=" + dataDir,
                // every test signs up its own user, all from 127.0.0.1
                "--botfleet.registration.max-per-address=1000",
                // equity snapshots every 2 s so portfolio.spec.ts sees a curve at once
                "--botfleet.portfolio.snapshot-interval=2s"));
        if (fake != null) {
            for (String prefix : List.of("--botfleet.venues.binance.", "--botfleet.venues.binance.testnet.")) {
                command.add(prefix + "rest=" + fake.rest());
                command.add(prefix + "market-stream=" + fake.marketStream());
                command.add(prefix + "user-stream=" + fake.userStream());
            }
            command.add("--botfleet.venues.binance.enabled=true");
            command.add("--botfleet.venues.bybit.enabled=false");
        }
        if (telegram != null) {
            command.add("--botfleet.telegram.enabled=true");
            command.add("--botfleet.telegram.api-base=" + telegram.rest());
            command.add("--botfleet.telegram.bot-name=" + telegram.botName());
            command.add("--botfleet.telegram.poll-timeout=2s"); // a short long-poll: /start is seen at once, shutdown is quick
        }
        if (mail != null) {
            command.add("--botfleet.mail.enabled=true");
            command.add("--botfleet.mail.from=botfleet@e2e.test");
            command.add("--spring.mail.host=" + mail.smtpHost());
            command.add("--spring.mail.port=" + mail.smtpPort());
            command.add("--botfleet.public-url=" + baseUrl); // the mail's link opens this very server
            command.add("--botfleet.password-reset.max-per-address=1000"); // every request comes from 127.0.0.1
        }
        // dex.spec.ts: the server's DEX network "local" is the chain e2e/dex-chain.mjs started and deployed Uniswap on
        for (String key : List.of("chain-id:chainId", "rpc-url:rpcUrl", "ws-url:wsUrl", "weth:weth",
                "v2-factory:v2Factory", "v2-router:v2Router", "v3-factory:v3Factory", "v3-swap-router:v3SwapRouter",
                "v3-quoter:v3Quoter")) {
            String[] names = key.split(":");
            command.add("--botfleet.dex.networks.local." + names[0] + "=" + field(dexChain.line(), names[1]));
        }
        ProcessBuilder serverBuilder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        serverBuilder.environment().put("BOTFLEET_DATA_DIR", dataDir.toString());
        // the token as in production: from the environment, never on a command line (it is the fake's test token)
        if (telegram != null) serverBuilder.environment().put("BOTFLEET_TELEGRAM_TOKEN", telegram.token());
        Process server = serverBuilder.start();
        // Even a Ctrl-C or a killed Maven must not leave a server behind.
        Thread hook = new Thread(() -> stop(server, "server"));
        Runtime.getRuntime().addShutdownHook(hook);

        int exit = 1;
        String diagnosis = null;
        try {
            awaitHealthy(server, port, serverLog);
            exit = runPlaywright(e2eDir, reportDir, baseUrl, fake, telegram, mail, dexChain);
            if (exit != 0) diagnosis = ServerDiagnosis.of(server, java, baseUrl, serverLog, reportDir);
        } finally {
            stop(server, "server");
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(dexChain.process(), "local chain");
            Runtime.getRuntime().removeShutdownHook(dexChainHook);
            if (fake != null) {
                stop(fake.process(), "fake venue");
                Runtime.getRuntime().removeShutdownHook(fakeHook);
            }
            if (telegram != null) {
                stop(telegram.process(), "Telegram fake");
                Runtime.getRuntime().removeShutdownHook(telegramHook);
            }
            if (mail != null) {
                stop(mail.process(), "SMTP fake");
                Runtime.getRuntime().removeShutdownHook(mailHook);
            }
            if (exit == 0) deleteTree(dataDir);
            else System.out.println("[e2e] kept data dir for inspection: " + dataDir);
        }
        if (exit != 0) {
            System.out.println("[e2e] FAILED; server log: " + serverLog + ", screenshots and traces under " + reportDir);
            if (diagnosis != null) System.out.println(diagnosis);
            FailedTests.of(reportDir.resolve("junit.xml")).forEach(System.out::println);  // last: CI keeps the end
        }
        System.exit(exit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the server answers its health check <em>and</em> its own log says it listens on {@code port}: a
     * healthy answer alone could come from another process that took the port meanwhile (our server then fails to bind
     * and exits), and the tests would run against that one.
     */
    private static void awaitHealthy(Process server, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        String listening = "Tomcat started on port " + port + " ";
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("the server exited with " + server.exitValue() + " before it was healthy:\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP") && logSays(log, listening)) {
                    System.out.println("[e2e] server is healthy");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            server.waitFor(500, TimeUnit.MILLISECONDS); // a pause that ends early if the server dies
        }
        fail("the server was not healthy within " + STARTUP_DEADLINE + ":\n" + tail(log));
    }

    private static boolean logSays(Path log, String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains(text));
        }
    }

    /** Starts the Binance fake and reads where it listens. */
    private static FakeVenue startFake(String java, Path fakesJar, Path reportDir) throws Exception {
        FakeProcess started = startFakeProcess(java, fakesJar, reportDir, "binance");
        String line = started.line();
        FakeVenue fake = new FakeVenue(started.process(), field(line, "rest"), field(line, "marketStream"),
                field(line, "userStream"), field(line, "apiKey"), field(line, "apiSecret"));
        System.out.printf("[e2e] Binance fake: REST %s, market stream %s, user stream %s%n", fake.rest(),
                fake.marketStream(), fake.userStream());
        return fake;
    }

    /** Starts the fake Telegram Bot API (with its test-only /_fake/telegram/ routes) and reads its URL and token. */
    private static FakeTelegram startTelegram(String java, Path fakesJar, Path reportDir) throws Exception {
        FakeProcess started = startFakeProcess(java, fakesJar, reportDir, "telegram");
        String line = started.line();
        FakeTelegram telegram = new FakeTelegram(started.process(), field(line, "rest"), field(line, "token"),
                field(line, "botName"));
        System.out.printf("[e2e] Telegram fake: %s, bot @%s%n", telegram.rest(), telegram.botName());
        return telegram;
    }

    /** Starts the SMTP fake (a real SMTP server plus its loopback-only GET /_fake/mail) and reads its ports. */
    private static FakeMail startMail(String java, Path fakesJar, Path reportDir) throws Exception {
        FakeProcess started = startFakeProcess(java, fakesJar, reportDir, "smtp");
        String line = started.line();
        FakeMail mail = new FakeMail(started.process(), field(line, "smtpHost"), field(line, "smtpPort"), field(line, "rest"));
        System.out.printf("[e2e] SMTP fake: smtp://%s:%s, control %s%n", mail.smtpHost(), mail.smtpPort(), mail.rest());
        return mail;
    }

    private record DexChain(Process process, Path portFile, String line) {
    }

    /**
     * Starts {@code node e2e/dex-chain.mjs --port-file F} (ganache from dex/chain's npm project, Uniswap deployed, a
     * WETH/USDC pool) and waits (bounded) for its JSON line: addresses, RPC URLs and the competing-swap control URL.
     */
    private static DexChain startDexChain(Path e2eDir, Path reportDir) throws Exception {
        Path portFile = reportDir.resolve("dex-chain.json");
        Path log = reportDir.resolve("dex-chain.log");
        Files.deleteIfExists(portFile);
        System.out.printf("[e2e] starting the local chain (dex-chain.mjs), log %s%n", log);
        Process process = new ProcessBuilder("node", e2eDir.resolve("dex-chain.mjs").toString(), "--port-file",
                portFile.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(FAKE_STARTUP_DEADLINE.multipliedBy(2));  // it deploys eight contracts
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) fail("the local chain exited with " + process.exitValue() + ":\n" + tail(log));
            if (Files.isRegularFile(portFile)) return new DexChain(process, portFile, Files.readString(portFile).trim());
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        fail("the local chain did not write " + portFile + " in time:\n" + tail(log));
        return null;
    }

    /** Starts {@code java -jar fakes-exec.jar <name> --port-file F} and waits (bounded) for the JSON line in F. */
    private static FakeProcess startFakeProcess(String java, Path fakesJar, Path reportDir, String name) throws Exception {
        Path portFile = reportDir.resolve("fake-" + name + ".json");
        Path log = reportDir.resolve("fake-" + name + ".log");
        Files.deleteIfExists(portFile);
        System.out.printf("[e2e] starting the %s fake (%s), log %s%n", name, fakesJar.getFileName(), log);
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", fakesJar.toString(), name,
                "--port-file", portFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(FAKE_STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) fail("the " + name + " fake exited with " + process.exitValue() + ":\n" + tail(log));
            if (Files.isRegularFile(portFile)) return new FakeProcess(process, Files.readString(portFile).trim());
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        fail("the " + name + " fake did not write " + portFile + " within " + FAKE_STARTUP_DEADLINE + ":\n" + tail(log));
        return null;
    }

    /** A string field of FakeVenueMain's flat JSON line (its values are URLs and keys: nothing to unescape). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) fail("no \"" + name + "\" in the fake venue's line: " + json);
        return m.group(1);
    }

    private static int runPlaywright(Path e2eDir, Path reportDir, String baseUrl, FakeVenue fake, FakeTelegram telegram,
                                     FakeMail mail, DexChain dexChain) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(e2eDir.toFile())
                .inheritIO();
        Map<String, String> env = pb.environment();
        env.put("BASE_URL", baseUrl);
        env.put("REPORT_DIR", reportDir.toString());
        env.putIfAbsent("CHROMIUM_PATH", "/usr/bin/chromium");
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (fake != null) {
            env.put("FAKE_BINANCE_REST", fake.rest());
            env.put("FAKE_BINANCE_API_KEY", fake.apiKey());
            env.put("FAKE_BINANCE_API_SECRET", fake.apiSecret());
        }
        if (telegram != null) env.put("FAKE_TELEGRAM", telegram.rest());
        if (mail != null) env.put("FAKE_MAIL", mail.rest());
        env.put("DEX_CHAIN", dexChain.portFile().toString());
        Process tests = pb.start();
        if (!tests.waitFor(TESTS_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            System.out.println("[e2e] tests did not finish within " + TESTS_DEADLINE + "; stopping them");
            tests.descendants().forEach(ProcessHandle::destroyForcibly);
            tests.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return 1;
        }
        return tests.exitValue();
    }

    private static void stop(Process process, String what) {
        if (!process.isAlive()) return;
        process.destroy(); // SIGTERM: Spring Boot shuts down gracefully; the fake closes its servers
        try {
            if (!process.waitFor(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        System.out.println("[e2e] " + what + " stopped");
    }

    private static String tail(Path log) {
        return String.join("\n", ServerDiagnosis.lastLines(log, 60));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[e2e] could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
