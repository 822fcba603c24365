package dev.botfleet.server.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class StreamConfig implements WebSocketConfigurer {
    private final StreamHandler handler;

    public StreamConfig(StreamHandler handler) {
        this.handler = handler;
    }

    /** Any origin: the token, not a cookie, authenticates, so a foreign page cannot ride on a user's session. */
    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/v1/stream").setAllowedOriginPatterns("*");
    }
}
