package dev.botfleet.server.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The crash and cluster tests start the packaged server about twenty times; each start took 12-15 s on the 2-core CI
 * machine, most of it loading and linking classes. As {@code scripts/start-fast.sh} does, the jar is extracted once and
 * one training start writes the JDK's AOT cache (classes loaded and linked, JEP 483), which every later start of
 * the same build maps. Prepared once per build (kept beside the jar while newer than it); if anything in the
 * preparation fails, the tests start the plain jar as before — the cache only saves time, it changes no behaviour.
 */
final class FastStart {
    /** The JVM options of every test start; the training start must use the same ones (the classes they load differ). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static Optional<List<String>> prepared;

    private FastStart() {
    }

    /** What runs the server: the AOT-cached extracted jar when it could be prepared, else the plain jar. */
    static synchronized List<String> launch(String java, Path jar) {
        if (prepared == null) prepared = prepare(java, jar.toAbsolutePath());
        return prepared.orElseGet(() -> List.of("-jar", jar.toString()));
    }

    private static Optional<List<String>> prepare(String java, Path jar) {
        Path dir = jar.getParent().resolve("it-fast-start");
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        Path cache = dir.resolve("app.aot");
        // the JVM warns on the console about parts of the cache it cannot use here (its code stubs); those lines are
        // not the server's logs (JsonLogsIT reads every console line as a JSON log event)
        List<String> launch = List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off", "-jar", extracted.toString());
        try {
            if (Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return Optional.of(launch);
            }
            deleteTree(dir);
            Files.createDirectories(dir);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    dir.resolve("app").toString()), dir.resolve("extract.log"), Duration.ofMinutes(2));
            train(java, extracted, dir.resolve("app.aot.tmp"), dir);
            Files.move(dir.resolve("app.aot.tmp"), cache);
            return Optional.of(launch);
        } catch (Exception e) {
            System.err.println("FastStart: no AOT cache, the tests start the plain jar (" + e + ")");
            return Optional.empty();
        }
    }

    /** One start up to readiness with -XX:AOTCacheOutput, then a graceful stop: the JVM writes the cache as it exits. */
    private static void train(String java, Path extracted, Path cache, Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-jar", extracted.toString(), "--server.port=" + port,
                "--botfleet.data-dir=" + dir.resolve("train-data")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("train.log").toFile()).start();
        try {
            if (!ServerProcess.awaitHealthy(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, process,
                    System.nanoTime() + Duration.ofMinutes(3).toNanos())) {
                throw new IllegalStateException("the training start did not become healthy; see " + dir.resolve("train.log"));
            }
        } finally {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) process.destroyForcibly().waitFor();
        }
        if (!Files.exists(cache)) throw new IllegalStateException("no AOT cache written; see " + dir.resolve("train.log"));
    }

    private static void run(List<String> command, Path log, Duration within) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
