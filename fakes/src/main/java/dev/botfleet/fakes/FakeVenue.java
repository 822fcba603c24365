package dev.botfleet.fakes;

/**
 * A running fake of one venue: its endpoints, its matching engine (to print trades and inspect what it was sent), its
 * clock and its fault switches. Every venue's fake implements this, so one contract test drives them all.
 */
public interface FakeVenue extends AutoCloseable {
    /** Our id of the venue, e.g. "binance". */
    String venue();

    MatchingEngine engine();

    Faults faults();

    FakeClock clock();

    /**
     * The standard account's API secret as this venue's clients hold it (Kraken: base64 of 64 bytes; Coinbase: the EC
     * private key's PEM). Venues whose secrets are plain text use {@link StandardSetup#API_SECRET} as it is.
     */
    default String apiSecret() { return StandardSetup.API_SECRET; }

    /** Base URL of the REST API, e.g. http://127.0.0.1:41234 */
    String restUrl();

    /** The REST server itself, so a test harness can add routes to it (e.g. {@link FakeControl}'s /_fake/ API). */
    FakeHttp http();

    /** Base URL of the public market-data WebSocket. */
    String marketStreamUrl();

    /** Base URL of the private (user-data) WebSocket. */
    String userStreamUrl();

    /** Drops every user-data socket abruptly. */
    void dropUserStreams();

    /** Drops every market-data socket abruptly. */
    void dropMarketStreams();

    /** Number of open user-data sockets that are subscribed (logged in). */
    int subscribedUserStreams();

    /**
     * Lowers the venue's order-rate limit to {@code orders} per {@code windowMillis} (advertised the way the venue
     * advertises limits, and enforced with its documented refusal), so a test can reach it quickly.
     */
    void limitOrders(int orders, long windowMillis);

    /** How many requests the fake refused for exceeding a rate limit (429 or the venue's equivalent). */
    int rateLimitRefusals();

    /** The standard account's key as this venue's clients present it (Coinbase: a CDP key name). */
    default String apiKey() { return StandardSetup.API_KEY; }

    @Override
    void close();
}
