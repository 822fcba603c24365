package dev.botfleet.server.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards TCP connections from an address a namespaced node can reach to a local server (PostgreSQL listens on
 * loopback only): bytes are copied both ways, untouched.
 */
final class TcpRelay implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;

    TcpRelay(String listenAddress, InetSocketAddress target) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName(listenAddress));
        this.target = target;
        Thread.ofVirtual().name("tcp-relay").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                Thread.ofVirtual().start(() -> copy(client, upstream));
                Thread.ofVirtual().start(() -> copy(upstream, client));
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
