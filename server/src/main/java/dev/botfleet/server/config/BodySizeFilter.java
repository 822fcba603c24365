package dev.botfleet.server.config;

import dev.botfleet.server.common.LoggedPath;
import dev.botfleet.server.common.BodyTooLargeException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Caps request bodies before anything parses them, so a client cannot make the server buffer megabytes of JSON. A
 * declared Content-Length over the cap is refused without reading a byte; a chunked body is counted as it is read
 * and the read fails once it passes the cap. Backtests (which may carry a strategy's source) and
 * model uploads get the larger cap.
 */
public class BodySizeFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BodySizeFilter.class);
    private final long maxBody;
    private final long maxUploadBody;
    private final JsonMapper json;

    public BodySizeFilter(long maxBody, long maxUploadBody, JsonMapper json) {
        this.maxBody = maxBody;
        this.maxUploadBody = maxUploadBody;
        this.json = json;
    }

    long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean upload = path.equals("/api/v1/backtests") || path.startsWith("/api/v1/backtests/")
                || path.equals("/api/v1/models");  // model files (their own, smaller limit: botfleet.ml.max-model-size)
        return upload ? maxUploadBody : maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            log.info("Refused {} {}: body of {} bytes exceeds {}", request.getMethod(), LoggedPath.of(request.getRequestURI()), declared, limit);
            // the body is never read; Tomcat closes the connection rather than swallow a large remainder
            response.setHeader("Connection", "close");
            Problems.write(request, response, json, ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + limit + " bytes");
            return;
        }
        chain.doFilter(declared < 0 ? new Capped(request, limit) : request, response);
    }

    /** Counts the bytes of a body without a declared length and fails the read past the cap. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CappedStream(super.getInputStream(), limit);
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        CappedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
