package dev.botfleet.fakes;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A WebSocket server on a loopback port for a fake venue's streams. */
public final class FakeWs extends WebSocketServer implements AutoCloseable {

    public interface Handler {
        default void onOpen(WebSocket socket, String path) {
        }

        void onMessage(WebSocket socket, String text);

        default void onClose(WebSocket socket) {
        }
    }

    private final Handler handler;
    private final CountDownLatch started = new CountDownLatch(1);

    public FakeWs(Handler handler) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.handler = handler;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("WebSocket server did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() { return "ws://127.0.0.1:" + getPort(); }

    /**
     * Drops every open socket as a network failure would: each connection is reset (SO_LINGER 0, so an RST rather than
     * a FIN) and closed without a close handshake. The JDK's WebSocket client was seen to miss a plain FIN that arrives
     * while it is delivering messages (it stays half-closed and never reports it), whereas a reset always reaches it.
     */
    public void dropAll() {
        for (WebSocket socket : List.copyOf(getConnections())) {
            if (socket instanceof org.java_websocket.WebSocketImpl impl
                    && impl.getChannel() instanceof java.nio.channels.SocketChannel channel) {
                try {
                    channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
                } catch (java.io.IOException alreadyClosed) {
                    // nothing to reset
                }
            }
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the fake");
        }
    }

    public Collection<WebSocket> sockets() { return getConnections(); }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(handshake.getResourceDescriptor());
        handler.onOpen(conn, handshake.getResourceDescriptor());
    }

    @Override public void onClose(WebSocket conn, int code, String reason, boolean remote) { handler.onClose(conn); }

    @Override public void onMessage(WebSocket conn, String message) { handler.onMessage(conn, message); }

    @Override public void onError(WebSocket conn, Exception ex) {
    }

    @Override public void onStart() { started.countDown(); }
}
