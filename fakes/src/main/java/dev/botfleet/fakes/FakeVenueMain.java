package dev.botfleet.fakes;

import dev.botfleet.fakes.binance.FakeBinance;
import dev.botfleet.fakes.bybit.FakeBybit;
import dev.botfleet.fakes.kraken.FakeKraken;
import dev.botfleet.fakes.mail.FakeSmtp;
import dev.botfleet.fakes.coinbase.FakeCoinbase;
import dev.botfleet.fakes.coindcx.FakeCoinDcx;
import dev.botfleet.fakes.telegram.FakeTelegram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * TEST ONLY. Runs one fake venue as a process, for tests that cannot start it in their own JVM (the browser test):
 * {@code java -jar fakes-<version>-exec.jar binance|bybit|kraken|coinbase|coindcx|delta|telegram|smtp [--port-file F]}.
 *
 * <p>Starts the fake on loopback ports with {@link StandardSetup}'s markets and account, installs the
 * {@link FakeControl} API (/_fake/) on its REST server, and prints one JSON line to stdout
 * {@code {"venue", "rest", "marketStream", "userStream", "apiKey", "apiSecret"}} (for {@code telegram}: the fake
 * Bot API with the /_fake/telegram/ control routes, and {@code {"venue", "rest", "token", "botName"}}; for {@code smtp}: a
 * real SMTP server and its loopback-only {@code GET /_fake/mail?to=}, {@code {"venue", "smtpHost", "smtpPort", "rest"}};
 * also written to F, atomically, when
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
        AutoCloseable running;
        String line;
        if (venueName.equals("smtp")) {
            FakeSmtp smtp = new FakeSmtp();
            running = smtp;
            line = describe(smtp);
        } else if (venueName.equals("telegram")) {
            FakeTelegram telegram = new FakeTelegram(TELEGRAM_TOKEN, TELEGRAM_BOT);
            FakeControl.installTelegram(telegram);
            running = telegram;
            line = describe(telegram);
        } else {
            FakeVenue venue = start(venueName);
            FakeControl.install(venue);
            running = venue;
            line = describe(venue);
        }
        if (portFile != null) {
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, line + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.out.println(line);
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("FakeVenueMain: closing failed: " + e);
            }
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
            case "delta" -> new dev.botfleet.fakes.delta.FakeDelta();
            default -> {
                usage("unknown venue '" + venue + "' (binance, bybit, kraken, coinbase, coindcx or delta)");
                yield null;
            }
        };
    }

    /** The fake Telegram Bot API's token and bot username (TEST ONLY values, known to the e2e runner). */
    static final String TELEGRAM_TOKEN = "7000000001:e2e-fake-token";
    static final String TELEGRAM_BOT = "botfleet_e2e_bot";

    /** The JSON line for the fake Telegram Bot API: {@code {"venue": "telegram", "rest", "token", "botName"}}. */
    static String describe(FakeTelegram telegram) {
        ObjectNode out = JsonMapper.builder().build().createObjectNode();
        out.put("venue", "telegram");
        out.put("rest", telegram.baseUrl());
        out.put("token", TELEGRAM_TOKEN);
        out.put("botName", telegram.username());
        return out.toString();
    }

    /** The JSON line for the SMTP fake: {@code {"venue": "smtp", "smtpHost", "smtpPort", "rest"}}. */
    static String describe(FakeSmtp smtp) {
        ObjectNode out = JsonMapper.builder().build().createObjectNode();
        out.put("venue", "smtp");
        out.put("smtpHost", smtp.host());
        out.put("smtpPort", String.valueOf(smtp.smtpPort()));
        out.put("rest", smtp.baseUrl());
        return out.toString();
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
        System.err.println("usage: java -jar fakes-<version>-exec.jar binance|bybit|kraken|coinbase|coindcx|delta|telegram|smtp [--port-file FILE]");
        System.exit(2);
    }
}
