package dev.botfleet.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a raw socket: the request target and headers leave exactly as given (no client
 * validates, encodes or normalises them), one request per connection.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Status, headers (names lower case; a repeated header keeps its last value) and the body as UTF-8. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    /** {@code headers} are "Name: value" lines; a Content-Length is added when there is a body. */
    static Reply send(int port, String method, String target, List<String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        for (String h : headers) head.append(h).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    static Reply parse(byte[] bytes) throws IOException {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) throw new IOException("No complete response head in " + bytes.length + " bytes: "
                + new String(bytes, StandardCharsets.ISO_8859_1));
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = indexOf(chunked, new byte[]{'\r', '\n'}, at);
            if (eol < 0) break;
            int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) break;
            out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
