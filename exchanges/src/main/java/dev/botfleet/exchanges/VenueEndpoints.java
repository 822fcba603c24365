package dev.botfleet.exchanges;

/**
 * Where one venue (or its testnet) lives. Every URL is configurable so an operator can point botfleet at a proxy, a
 * regional endpoint, a testnet or a local server.
 *
 * @param rest         REST base URL, e.g. https://api.binance.com
 * @param marketStream public WebSocket base URL, e.g. wss://stream.binance.com:9443
 * @param userStream   private WebSocket URL (Binance: the WebSocket API, wss://ws-api.binance.com:443/ws-api/v3)
 */
public record VenueEndpoints(String rest, String marketStream, String userStream) {
}
