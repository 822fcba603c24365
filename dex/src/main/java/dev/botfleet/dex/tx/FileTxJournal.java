package dev.botfleet.dex.tx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TxJournal} in one append-only file: each save appends the whole record as one tab-separated line and forces
 * it to disk before returning; on open the lines are replayed, the last line of a hash winning. A line torn by a
 * crash mid-write is skipped — its save never returned, so that transaction was never broadcast.
 */
public final class FileTxJournal implements TxJournal {

    private static final int FIELDS = 17;

    private final FileChannel channel;
    private final Map<String, TxRecord> byHash = new LinkedHashMap<>();

    public FileTxJournal(Path file) {
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    TxRecord record = parse(line);
                    if (record != null) {
                        byHash.put(record.hash(), record);
                    }
                }
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            endTornLine(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the transaction journal " + file, e);
        }
    }

    @Override
    public synchronized void save(TxRecord record) {
        ByteBuffer line = ByteBuffer.wrap((format(record) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transaction journal", e);
        }
        byHash.put(record.hash(), record);
    }

    @Override
    public synchronized Optional<TxRecord> find(String hash) {
        return Optional.ofNullable(byHash.get(hash.toLowerCase(Locale.ROOT)));
    }

    @Override
    public synchronized List<TxRecord> open(String wallet) {
        String w = wallet.toLowerCase(Locale.ROOT);
        return byHash.values().stream()
                .filter(r -> r.wallet().equals(w) && !r.status().isFinal())
                .sorted(Comparator.comparing(TxRecord::nonce))
                .toList();
    }

    @Override
    public synchronized List<TxRecord> atNonce(String wallet, BigInteger nonce) {
        String w = wallet.toLowerCase(Locale.ROOT);
        return byHash.values().stream().filter(r -> r.wallet().equals(w) && r.nonce().equals(nonce)).toList();
    }

    @Override
    public synchronized Optional<BigInteger> highestNonce(String wallet) {
        String w = wallet.toLowerCase(Locale.ROOT);
        return byHash.values().stream()
                .filter(r -> r.wallet().equals(w) && r.status() != TxStatus.REJECTED)
                .map(TxRecord::nonce)
                .max(Comparator.naturalOrder());
    }

    /** A torn last line gets its newline, so the next record starts a line of its own. */
    private void endTornLine(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            }
        }
    }

    /** Closes the file; the records already saved stay durable. */
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(TxRecord r) {
        List<String> f = new ArrayList<>(FIELDS);
        f.add(r.hash());
        f.add(r.wallet());
        f.add(Long.toString(r.chainId()));
        f.add(r.nonce().toString());
        f.add(r.kind().name());
        f.add(orDash(r.replaces()));
        f.add(orDash(r.to()));
        f.add(r.value().toString());
        f.add(r.data());
        f.add(r.gasLimit().toString());
        f.add(r.maxFeePerGas().toString());
        f.add(r.maxPriorityFeePerGas().toString());
        f.add(r.rawTx());
        f.add(r.status().name());
        f.add(r.blockNumber() == null ? "-" : r.blockNumber().toString());
        // The reason is free text (a node's message): Base64 keeps tabs and newlines out of the line format.
        f.add(r.reason() == null ? "-" : Base64.getEncoder().encodeToString(r.reason().getBytes(StandardCharsets.UTF_8)));
        f.add(r.createdAt().toString());
        return String.join("\t", f);
    }

    private static TxRecord parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            return null;
        }
        try {
            return new TxRecord(f[0], f[1], Long.parseLong(f[2]), new BigInteger(f[3]), TxKind.valueOf(f[4]),
                    nullIfDash(f[5]), nullIfDash(f[6]), new BigInteger(f[7]), f[8], new BigInteger(f[9]),
                    new BigInteger(f[10]), new BigInteger(f[11]), f[12], TxStatus.valueOf(f[13]),
                    "-".equals(f[14]) ? null : Long.valueOf(f[14]),
                    "-".equals(f[15]) ? null : new String(Base64.getDecoder().decode(f[15]), StandardCharsets.UTF_8),
                    Instant.parse(f[16]));
        } catch (RuntimeException torn) {
            return null;
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String nullIfDash(String s) {
        return "-".equals(s) ? null : s;
    }
}
