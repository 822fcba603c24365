package dev.botfleet.fakes;

import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.fakes.bybit.FakeBybit;
import dev.botfleet.fakes.kraken.FakeKraken;
import dev.botfleet.fakes.coinbase.FakeCoinbase;
import dev.botfleet.fakes.coindcx.FakeCoinDcx;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * TEST ONLY. Runs one fake venue as a process, for tests that cannot start it in their own JVM (the browser test):
 * {@code java -jar fakes-<version>-exec.jar binance|bybit|kraken|coinbase|coindcx [--port-file F]}.
 *
 * <p>Starts the fake on loopback ports with {@link StandardSetup}'s markets and account, installs the
 * {@link FakeControl} API (/_fake/) on its REST server, and prints one JSON line to stdout
 * {@code {"venue", "rest", "marketStream", "userStream", "apiKey", "apiSecret"}} (also written to F, atomically, when
 * {@code --port-file F} is given). Then it runs until it is killed; SIGTERM closes the fake's servers.
 */
public final class FakeVenueMain {
    private FakeVenueMain() {
    }

    public static void main(String[] args) throws Exception {
        String venueName = null;
        Path portFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port-file") && i + 1 < args.length) portFile = Path.of(args[++i]);
            else if (venueName == null && !args[i].startsWith("--")) venueName = args[i];
            else usage("unexpected argument " + args[i]);
        }
        if (venueName == null) usage("which venue?");
        FakeVenue venue = start(venueName);
        FakeControl.install(venue);
        String line = describe(venue);
        if (portFile != null) {
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, line + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(line);
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            venue.close();
            stopped.countDown();
        }, "fake-venue-shutdown"));
        stopped.await();
    }

    static FakeVenue start(String venue) {
        return switch (venue) {
            case "binance" -> new FakeBinance();
            case "bybit" -> new FakeBybit();
            case "kraken" -> new FakeKraken();
            case "coinbase" -> new FakeCoinbase();
            case "coindcx" -> new FakeCoinDcx();
            default -> {
                usage("unknown venue '" + venue + "' (binance, bybit, kraken, coinbase or coindcx)");
                yield null;
            }
        };
    }

    /** The JSON line a caller reads to find the fake: its URLs and the standard account's key. */
    static String describe(FakeVenue venue) {
        ObjectNode out = JsonMapper.builder().build().createObjectNode();
        out.put("venue", venue.venue());
        out.put("rest", venue.restUrl());
        out.put("marketStream", venue.marketStreamUrl());
        out.put("userStream", venue.userStreamUrl());
        out.put("apiKey", venue.apiKey());
        out.put("apiSecret", venue.apiSecret());
        return out.toString();
    }

    private static void usage(String problem) {
        System.err.println("FakeVenueMain: " + problem);
        System.err.println("usage: java -jar fakes-<version>-exec.jar binance|bybit|kraken|coinbase|coindcx [--port-file FILE]");
        System.exit(2);
    }
}
