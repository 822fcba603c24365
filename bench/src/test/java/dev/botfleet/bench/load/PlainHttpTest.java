package dev.botfleet.bench.load;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load tool's client against a scripted HTTP/1.1 server on loopback: exact bytes, both body framings. */
class PlainHttpTest {
    /** One request as the server read it, with the number of the connection it came on (from 1). */
    record Seen(int connection, String method, String path, String authorization, String body) {
    }

    private ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private PlainHttp http;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = server.accept();
                    int number = connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s, number));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        http = new PlainHttp("http://127.0.0.1:" + server.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Answers by path; /drop answers and then closes without saying so, as a server's idle timeout would. */
    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) return;
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                String authorization = null;
                int length = 0;
                for (String line : lines) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("authorization:")) authorization = line.substring(14).trim();
                    if (lower.startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                seen.add(new Seen(connection, requestLine[0], requestLine[1], authorization, body));
                String answer = switch (requestLine[1]) {
                    case "/fixed", "/drop" -> "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
                    case "/chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "5\r\nhello\r\n7;note=x\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n";
                    case "/close" -> "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy";
                    case "/echo" -> "HTTP/1.1 201 Created\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
                    default -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                };
                out.write(answer.getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (requestLine[1].equals("/close") || requestLine[1].equals("/drop")) return;
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;  // the last four bytes read, to see the blank line that ends the head
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == ('\r' << 24 | '\n' << 16 | '\r' << 8 | '\n')) {
                String s = head.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }

    @Test
    void readsBothBodyFramingsAndKeepsOneConnectionAlive() throws IOException {
        assertThat(http.send("GET", "/fixed", "t0ken", null)).isEqualTo(new PlainHttp.Response(200, "hello"));
        assertThat(http.send("GET", "/chunked", null, null)).isEqualTo(new PlainHttp.Response(200, "hello, world"));
        assertThat(http.send("GET", "/nothing", null, null)).isEqualTo(new PlainHttp.Response(404, ""));

        assertThat(connections.get()).isEqualTo(1);
        assertThat(seen).extracting(Seen::path).containsExactly("/fixed", "/chunked", "/nothing");
        assertThat(seen.getFirst().authorization()).isEqualTo("Bearer t0ken");
        assertThat(seen.get(1).authorization()).isNull();
    }

    @Test
    void sendsAJsonBodyWithItsLength() throws IOException {
        String json = "{\"name\":\"grid – ünïcode\"}";
        assertThat(http.send("POST", "/echo", "abc", json)).isEqualTo(new PlainHttp.Response(201, json));
        assertThat(seen.getFirst()).isEqualTo(new Seen(1, "POST", "/echo", "Bearer abc", json));
    }

    @Test
    void aConnectionTheServerClosesIsNotReused() throws IOException {
        assertThat(http.send("GET", "/close", null, null)).isEqualTo(new PlainHttp.Response(503, "busy"));
        assertThat(http.send("GET", "/fixed", null, null).body()).isEqualTo("hello");

        assertThat(seen).extracting(Seen::connection).containsExactly(1, 2);
    }

    @Test
    void aGetOnAConnectionDroppedWhileIdleIsSentOnceMoreOnANewOne() throws IOException {
        http.send("GET", "/drop", null, null);  // answered, then closed without a word: the pool still holds it
        assertThat(http.send("GET", "/chunked", null, null).body()).isEqualTo("hello, world");

        assertThat(seen).extracting(Seen::connection).containsExactly(1, 2);
        assertThat(seen).extracting(Seen::path).containsExactly("/drop", "/chunked");
    }

    @Test
    void aPostOnADroppedConnectionFailsRatherThanBeingSentTwice() throws IOException {
        http.send("GET", "/drop", null, null);
        // the connection is dead before any answer: the POST may or may not have reached the server, so it is not resent
        assertThatThrownBy(() -> http.send("POST", "/echo", null, "{}")).isInstanceOf(IOException.class);
        assertThat(seen).extracting(Seen::path).containsExactly("/drop");
    }
}
