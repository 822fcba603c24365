package dev.botfleet.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@link E2eRunner} prints when the browser tests failed, taken before it stops the server: whether the server
 * still answers, which of its threads are in botfleet's code and where (a thread dump through the JDK's own
 * {@code jcmd}, whole in {@code server-threads.txt}), and the end of its log.
 *
 * <p>Why: CI keeps only the end of a run's output and none of its files. A run whose every test timed out on its first
 * request said nothing about why; this report is what the next such run leaves behind. It is printed last, so it is
 * in that end.
 */
final class ServerDiagnosis {
    private static final int MAX_THREAD_LINES = 45;
    private static final int LOG_LINES = 25;

    private ServerDiagnosis() {
    }

    static String of(Process server, String java, String baseUrl, Path serverLog, Path reportDir) {
        List<String> out = new ArrayList<>();
        out.add("[e2e] ---- the server after the failed tests ----");
        if (!server.isAlive()) {
            out.add("[e2e] the server had exited with " + server.exitValue());
        } else {
            out.add("[e2e] server pid " + server.pid() + ": " + probeHealth(baseUrl));
            out.addAll(threads(server.pid(), java, reportDir));
        }
        out.add("[e2e] the last " + LOG_LINES + " lines of " + serverLog.getFileName() + ":");
        out.addAll(lastLines(serverLog, LOG_LINES));
        return String.join("\n", out);
    }

    private static String probeHealth(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
            return "/actuator/health answered " + answer.statusCode() + " in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms";
        } catch (IOException e) {
            return "/actuator/health did not answer within 5 s (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Dumps every thread, virtual ones too (the requests run on virtual threads, which {@code Thread.print} leaves
     * out), to server-threads.txt; back: a deadlock the JVM found, and the threads that are in botfleet's code.
     */
    private static List<String> threads(long pid, String java, Path reportDir) {
        Path dumpFile = reportDir.resolve("server-threads.txt");
        Path platformFile = reportDir.resolve("server-threads-platform.txt");
        try {
            Files.deleteIfExists(dumpFile);  // jcmd refuses to overwrite
            String dumped = jcmd(java, pid, null, "Thread.dump_to_file", "-format=text", dumpFile.toString());
            if (dumped != null) return List.of("[e2e] " + dumped);
            jcmd(java, pid, platformFile, "Thread.print", "-l");  // its deadlock detection
            List<String> platform = Files.isRegularFile(platformFile) ? Files.readAllLines(platformFile) : List.of();
            return summarise(Files.readAllLines(dumpFile), platform, dumpFile);
        } catch (IOException e) {
            return List.of("[e2e] no thread dump: " + e.getMessage());
        }
    }

    /** Runs {@code jcmd pid command args}, its output to {@code output} (or discarded); null when it worked. */
    private static String jcmd(String java, long pid, Path output, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(java).resolveSibling("jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        try {
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "jcmd " + command[0] + " did not finish within 30 s";
            }
            return process.exitValue() == 0 ? null : "jcmd " + command[0] + " exited with " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd " + command[0] + " interrupted";
        }
    }

    /**
     * From a {@code Thread.dump_to_file} text dump: the threads with a botfleet frame, grouped by where they are (the
     * frames above their first botfleet frame, and that frame) with a count, requests first (a stuck request is what
     * a failed browser test meets), then the largest groups. A deadlock {@code Thread.print} found comes first.
     */
    static List<String> summarise(List<String> dump, List<String> platformDump, Path dumpFile) {
        List<String> out = new ArrayList<>();
        int deadlock = indexOfPrefix(platformDump, "Found one Java-level deadlock");
        if (deadlock >= 0) out.addAll(platformDump.subList(deadlock, Math.min(platformDump.size(), deadlock + 15)));
        List<List<String>> blocks = blocks(dump);
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (List<String> block : blocks) {
            int own = indexOfContaining(block, "at dev.botfleet.");
            if (own < 0) continue;
            List<String> where = List.copyOf(block.subList(Math.max(1, own - 4), own + 1));
            String state = block.get(0).replaceAll(" \\d{4}-\\d\\d-\\d\\dT\\S+$", "");  // without its timestamp
            boolean request = indexOfContaining(block, "org.apache.catalina.") >= 0;
            groups.computeIfAbsent(where, w -> new Group(state, request)).count++;
        }
        int inOwnCode = groups.values().stream().mapToInt(g -> g.count).sum();
        out.add("[e2e] " + inOwnCode + " of " + blocks.size() + " threads in botfleet's code (whole dump: " + dumpFile + ")");
        groups.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, Group> e) -> !e.getValue().request)
                        .thenComparing(e -> -e.getValue().count))
                .forEach(e -> {
                    Group g = e.getValue();
                    out.add("  " + (g.count > 1 ? g.count + " threads like " : "") + g.firstState
                            + (g.request ? " (a request)" : ""));
                    for (String frame : e.getKey()) out.add("    " + frame);
                });
        return out.size() > MAX_THREAD_LINES ? limit(out) : out;
    }

    private static final class Group {
        final String firstState;
        final boolean request;
        int count;

        Group(String firstState, boolean request) {
            this.firstState = firstState;
            this.request = request;
        }
    }

    private static List<String> limit(List<String> lines) {
        List<String> out = new ArrayList<>(lines.subList(0, MAX_THREAD_LINES));
        out.add("  ... " + (lines.size() - MAX_THREAD_LINES) + " more lines in the dump file");
        return out;
    }

    /** A text dump's threads: each starts with a line {@code #id "name" STATE time}, its frames follow to a blank line. */
    private static List<List<String>> blocks(List<String> dump) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : dump) {
            if (line.startsWith("#")) {
                current = new ArrayList<>();
                blocks.add(current);
                current.add(line);
            } else if (line.isBlank()) {
                current = null;
            } else if (current != null) {
                current.add(line.strip());
            }
        }
        return blocks;
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        return -1;
    }

    private static int indexOfContaining(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
        return -1;
    }

    /** The last {@code n} lines of a log, or why there are none. */
    static List<String> lastLines(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of("(no server log: " + e.getMessage() + ")");
        }
    }
}
