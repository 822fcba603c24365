package dev.botfleet.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load tool's HTTP/1.1 client: plain sockets kept alive in a pool, one request at a time per connection, read by
 * the calling (virtual) thread. It speaks only what the load needs — a method, a path, a bearer token, a JSON body;
 * a response by Content-Length or chunked, and {@code Connection: close}.
 *
 * <p>Why not {@link java.net.http.HttpClient}: on the 2 cores the server shares with the load tool, its hand-offs
 * between selector and executor threads cost about 0.8 ms of CPU a request, 0.35-0.5 cores at 500 requests a second
 * — CPU the server under test could not use, on a machine where its clients would normally run elsewhere
 * (docs/fleet-scale.md, "A lighter load tool").
 */
final class PlainHttp {
    /** A response: status and body (UTF-8). */
    record Response(int status, String body) {
    }

    private static final int TIMEOUT_MILLIS = 30_000;
    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    PlainHttp(String base) {
        URI uri = URI.create(base);
        if (!"http".equals(uri.getScheme())) throw new IllegalArgumentException("only http:// is supported: " + base);
        this.host = uri.getHost();
        this.port = uri.getPort() == -1 ? 80 : uri.getPort();
    }

    /**
     * Sends one request and reads its whole response. A GET that fails on a reused connection before any byte of its
     * answer (the server closed that idle connection) is sent once more on a new one; nothing else is retried.
     *
     * @param token a bearer token, or null
     * @param json a JSON body, or null
     */
    Response send(String method, String path, String token, String json) throws IOException {
        Connection c = idle.poll();
        boolean reused = c != null;
        if (c == null) c = new Connection(host, port);
        try {
            return exchange(c, method, path, token, json);
        } catch (IOException | RuntimeException e) {
            c.close();
            if (!(e instanceof IOException) || !reused || c.answering || !method.equals("GET")) throw e;
            return exchange(new Connection(host, port), method, path, token, json);
        }
    }

    private Response exchange(Connection c, String method, String path, String token, String json)
            throws IOException {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Accept: */*\r\n");
        if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        } else if (!method.equals("GET")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        c.answering = false;
        c.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) c.out.write(body);
        c.out.flush();
        Response response = c.read();
        if (c.closeAfter) c.close(); else idle.add(c);
        return response;
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean closeAfter;
        /** The response's first byte has come: from then on a failure is not a stale connection's. */
        private boolean answering;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 2 * 1024);
        }

        Response read() throws IOException {
            int first = in.read();
            if (first < 0) throw new IOException("the connection was closed before the response");
            answering = true;
            String statusLine = (char) first + line();
            if (!statusLine.startsWith("HTTP/1.")) throw new IOException("not an HTTP response: " + statusLine);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            closeAfter = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) continue;
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, body);
                    line();  // the CRLF after the chunk's data
                }
                while (!line().isEmpty()) { }  // trailers, then the blank line
            } else if (length >= 0) {
                copy(length, body);
            } else if (status != 204 && status != 304) {
                in.transferTo(body);  // no length: the body runs to the connection's end
                closeAfter = true;
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private long chunkSize() throws IOException {
            String line = line();
            int extension = line.indexOf(';');
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] read = in.readNBytes(Math.toIntExact(n));
            if (read.length < n) throw new IOException("the connection ended inside a response body");
            to.write(read);
        }

        /** One line of the response's head (or a chunk's size), without its CRLF. */
        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) throw new IOException("the connection ended inside a response head");
                if (b != '\r') s.append((char) b);
            }
            return s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
    }
}
