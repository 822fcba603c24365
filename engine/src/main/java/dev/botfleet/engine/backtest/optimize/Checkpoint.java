package dev.botfleet.engine.backtest.optimize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only file of finished trials. Line 1 identifies the run (sampler, loss, seed, batch size, min trades,
 * space); each further line is one trial:
 * {@link TrialText}: {@code trial <index> <loss> <trades> <wins> <profitAbs> <profitTotal> <name>=<type>:<value>&...}
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
        return TrialText.format(t);
    }

    private void read(String line, int lineNumber) {
        String where = file + " line " + lineNumber + ": ";
        try {
            Trial t = TrialText.parse(line);
            int index = t.index();
            if (finished.containsKey(index)) {
                throw new IllegalArgumentException("trial " + index + " is also on line " + lineOf.get(index));
            }
            finished.put(index, t);
            lineOf.put(index, lineNumber);
        } catch (IllegalArgumentException e) {  // NumberFormatException included
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

}
