package dev.botfleet.engine.backtest.optimize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only file of finished trials. Line 1 identifies the run (sampler, loss, seed, batch size, min trades,
 * space); each further line is one trial:
 * {@code trial <index> <loss> <trades> <wins> <profitAbs> <profitTotal> <name>=<type>:<value>&...}
 * with doubles in Java's shortest round-trip form (so a resumed trial is bit-identical) and names and strings
 * URL-encoded. A last line without its newline is what a kill mid-write leaves: it is dropped and cut off.
 */
final class Checkpoint {
    private static final String MAGIC = "botfleet-hyperopt-checkpoint v1 ";

    private final Path file;
    private final Map<Integer, Trial> finished = new TreeMap<>();
    private final Map<Integer, Integer> lineOf = new TreeMap<>();

    private Checkpoint(Path file) {
        this.file = file;
    }

    /** Opens (creating it if absent) and reads the file; a file written by a different run is refused. */
    static Checkpoint open(Path file, String runIdentity) {
        Checkpoint cp = new Checkpoint(file);
        try {
            String header = MAGIC + runIdentity.replace("\r", "\\r").replace("\n", "\\n");  // one line, whatever the values
            if (!Files.exists(file) || Files.size(file) == 0) {
                Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
                return cp;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n') + 1;
            if (complete < text.length()) {  // a torn last line: drop it so appends start on a fresh line
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
                }
            }
            List<String> lines = text.substring(0, complete).lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                throw new IllegalArgumentException(file + " line 1: checkpoint of a different run; expected '" + header
                        + "', found '" + (lines.isEmpty() ? "" : lines.get(0)) + "'");
            }
            for (int n = 1; n < lines.size(); n++) cp.read(lines.get(n), n + 1);
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    Trial finished(int index) { return finished.get(index); }

    /** "<file> line <n>" of a recorded trial, for error messages. */
    String where(int index) { return file + " line " + lineOf.get(index); }

    int size() { return finished.size(); }

    synchronized void append(Trial t) {
        try {
            Files.writeString(file, format(t) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    static String format(Trial t) {
        Trial.Summary s = t.summary();
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, Object> e : t.params().entrySet()) {
            if (!params.isEmpty()) params.append('&');
            params.append(encode(e.getKey())).append('=').append(formatValue(e.getKey(), e.getValue()));
        }
        return "trial " + t.index() + " " + t.loss() + " " + s.trades() + " " + s.wins() + " " + s.profitAbs() + " "
                + s.profitTotal() + " " + params;
    }

    private void read(String line, int lineNumber) {
        String where = file + " line " + lineNumber + ": ";
        String[] f = line.split(" ", -1);
        if (f.length != 8 || !f[0].equals("trial")) {
            throw new IllegalArgumentException(where + "expected 'trial <index> <loss> <trades> <wins> <profitAbs> <profitTotal> <params>', found '" + line + "'");
        }
        try {
            int index = Integer.parseInt(f[1]);
            Map<String, Object> params = new LinkedHashMap<>();
            for (String pair : f[7].isEmpty() ? new String[0] : f[7].split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) throw new IllegalArgumentException("parameter '" + pair + "' has no '='");
                params.put(decode(pair.substring(0, eq)), parseValue(pair.substring(eq + 1)));
            }
            Trial t = new Trial(index, params, Double.parseDouble(f[2]), new Trial.Summary(Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            if (finished.containsKey(index)) {
                throw new IllegalArgumentException("trial " + index + " is also on line " + lineOf.get(index));
            }
            finished.put(index, t);
            lineOf.put(index, lineNumber);
        } catch (IllegalArgumentException e) {  // NumberFormatException included
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    private static String formatValue(String name, Object v) {
        return switch (v) {
            case Integer i -> "i:" + i;
            case Long l -> "l:" + l;
            case Double d -> "d:" + d;
            case Boolean b -> "b:" + b;
            case String s -> "s:" + encode(s);
            default -> throw new IllegalArgumentException(name + ": value " + v + " of type " + v.getClass().getSimpleName()
                    + " cannot be checkpointed (String, Boolean, Integer, Long or Double)");
        };
    }

    private static Object parseValue(String text) {
        if (text.length() < 2 || text.charAt(1) != ':') throw new IllegalArgumentException("value '" + text + "' has no type prefix");
        String v = text.substring(2);
        return switch (text.charAt(0)) {
            case 'i' -> Integer.parseInt(v);
            case 'l' -> Long.parseLong(v);
            case 'd' -> Double.parseDouble(v);
            case 'b' -> switch (v) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("'" + v + "' is not a boolean");
            };
            case 's' -> decode(v);
            default -> throw new IllegalArgumentException("unknown value type '" + text.charAt(0) + "' in '" + text + "'");
        };
    }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }
}
