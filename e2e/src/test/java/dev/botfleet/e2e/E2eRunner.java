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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the browser tests against the real packaged server: starts botfleet-server.jar on a free port with a fresh
 * data dir, waits for it to be healthy, runs Playwright (headless Chromium), and always stops the server.
 *
 * <p>Maven starts this file with the toolchain's {@code java} (JDK 25) as a single-file source program; the server
 * is started with that very same java binary, so no JDK path is written anywhere.
 *
 * <p>Arguments: {@code <server jar> <e2e dir> <report dir>}. Exit code: Playwright's (0 = all passed).
 */
public final class E2eRunner {
    private static final Duration STARTUP_DEADLINE = Duration.ofMinutes(3);
    private static final Duration TESTS_DEADLINE = Duration.ofMinutes(20);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: E2eRunner <server jar> <e2e dir> <report dir>");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path e2eDir = Path.of(args[1]).toAbsolutePath();
        Path reportDir = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        if (!Files.isRegularFile(jar)) {
            fail("server jar not found: " + jar + " (build it first: mvn -pl e2e -am verify)");
        }

        String java = ProcessHandle.current().info().command().orElseThrow();
        int feature = Runtime.version().feature();
        System.out.printf("[e2e] java %s (%s)%n", Runtime.version(), java);
        if (feature < 25) {
            fail("the server needs JDK >= 25 but this runner got " + Runtime.version());
        }

        int port = freePort();
        Path dataDir = Files.createTempDirectory("botfleet-e2e-");
        Path serverLog = reportDir.resolve("server.log");
        String baseUrl = "http://127.0.0.1:" + port;
        System.out.printf("[e2e] starting %s on %s, data dir %s, log %s%n", jar.getFileName(), baseUrl, dataDir, serverLog);

        ProcessBuilder serverBuilder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port, "--botfleet.data-dir=" + dataDir,
                // every test signs up its own user, all from 127.0.0.1
                "--botfleet.registration.max-per-address=1000")
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        serverBuilder.environment().put("BOTFLEET_DATA_DIR", dataDir.toString());
        Process server = serverBuilder.start();
        // Even a Ctrl-C or a killed Maven must not leave a server behind.
        Thread hook = new Thread(() -> stop(server));
        Runtime.getRuntime().addShutdownHook(hook);

        int exit = 1;
        try {
            awaitHealthy(server, baseUrl, serverLog);
            exit = runPlaywright(e2eDir, reportDir, baseUrl);
        } finally {
            stop(server);
            Runtime.getRuntime().removeShutdownHook(hook);
            if (exit == 0) deleteTree(dataDir);
            else System.out.println("[e2e] kept data dir for inspection: " + dataDir);
        }
        if (exit != 0) {
            System.out.println("[e2e] FAILED; server log: " + serverLog + ", screenshots and traces under " + reportDir);
        }
        System.exit(exit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitHealthy(Process server, String baseUrl, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                fail("the server exited with " + server.exitValue() + " before it was healthy:\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
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

    private static int runPlaywright(Path e2eDir, Path reportDir, String baseUrl) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(e2eDir.toFile())
                .inheritIO();
        Map<String, String> env = pb.environment();
        env.put("BASE_URL", baseUrl);
        env.put("REPORT_DIR", reportDir.toString());
        env.putIfAbsent("CHROMIUM_PATH", "/usr/bin/chromium");
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process tests = pb.start();
        if (!tests.waitFor(TESTS_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            System.out.println("[e2e] tests did not finish within " + TESTS_DEADLINE + "; stopping them");
            tests.descendants().forEach(ProcessHandle::destroyForcibly);
            tests.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return 1;
        }
        return tests.exitValue();
    }

    private static void stop(Process server) {
        if (!server.isAlive()) return;
        server.destroy(); // SIGTERM: Spring Boot shuts down gracefully
        try {
            if (!server.waitFor(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        System.out.println("[e2e] server stopped");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
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
