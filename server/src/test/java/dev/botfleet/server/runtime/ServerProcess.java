package dev.botfleet.server.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server jar as a separate process, run with the JDK running this test (never a hard-coded path).
 * {@link #kill()} is SIGKILL on Linux ({@link Process#destroyForcibly}): no shutdown hook, no graceful anything.
 */
final class ServerProcess {
    private final Path jar;
    private final Path logDir;
    private final Map<String, String> properties;
    private final List<String> commandPrefix;
    private final String host;
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private Process process;
    private int runs;
    private Path log;

    ServerProcess(Path jar, Path logDir, Map<String, String> properties) throws IOException {
        this(jar, logDir, properties, List.of(), "127.0.0.1");
    }

    /**
     * @param commandPrefix what runs the JVM, e.g. {@code ip netns exec <ns>} (empty: started directly)
     * @param host          the address the test reaches the server's HTTP port at
     */
    ServerProcess(Path jar, Path logDir, Map<String, String> properties, List<String> commandPrefix, String host)
            throws IOException {
        this.commandPrefix = commandPrefix;
        this.host = host;
        this.jar = jar;
        this.logDir = logDir;
        this.properties = properties;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        Files.createDirectories(logDir);
    }

    String base() {
        return "http://" + host + ":" + port;
    }

    /** Starts the jar and waits until /actuator/health answers UP; returns how long that took. */
    Duration start(Duration deadline) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(java);
        command.addAll(FastStart.JVM_OPTIONS);
        command.addAll(FastStart.launch(java, jar));  // the AOT-cached extracted jar, or the plain jar
        command.add("--server.port=" + port);
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        log = logDir.resolve("server-" + (++runs) + ".log");
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (awaitHealthy(http, base(), process, started + deadline.toNanos())) return Duration.ofNanos(System.nanoTime() - started);
        if (!process.isAlive()) throw new AssertionError("server exited with " + process.exitValue() + "; see " + log);
        throw new AssertionError("server not healthy within " + deadline + "; see " + log);
    }

    /** Polls {@code base}/actuator/health until it answers UP (true), the process exits or {@code untilNanos} passes. */
    static boolean awaitHealthy(HttpClient http, String base, Process process, long untilNanos) throws InterruptedException {
        while (System.nanoTime() < untilNanos && process.isAlive()) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) return true;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The console output (stdout and stderr) of the latest run. */
    Path log() {
        return log;
    }

    /** Sends a POSIX signal by name (STOP freezes the process, CONT resumes it) with the system's kill command. */
    void signal(String name) throws Exception {
        int status = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (status != 0) throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + status);
    }

    /** Waits for the process to exit by itself; its exit status, or null if it still runs after {@code within}. */
    Integer awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** SIGTERM (a graceful stop: Spring's shutdown, the cluster leave); its exit status, or null if it still runs. */
    Integer stop(Duration within) throws InterruptedException {
        process.destroy();
        return awaitExit(within);
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() throws InterruptedException {
        if (process == null) return;
        process.destroyForcibly();
        process.waitFor();
    }
}
