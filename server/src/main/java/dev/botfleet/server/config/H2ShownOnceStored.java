package dev.botfleet.server.config;

import dev.botfleet.server.common.Databases;
import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.ShowsOneBot;
import dev.botfleet.server.common.StoredOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * On H2, an API response is written only once no bot's group commit is in its commit step: nothing the API shows can
 * still be lost to a crash.
 *
 * <p>Why: H2 shows a commit to other sessions a moment before its store has written it to the file. A request that
 * read in that moment — a fill the writer has just committed — would report it, and a SIGKILL before the store ends
 * would lose it: an acknowledged fill gone (H2CrashRestartIT lost one so). The wait is at most the rest of one store,
 * and only when a commit is in that step; PostgreSQL shows a commit only once it is in its log, so it needs none.
 * The event stream and the notifications tell a bot's writes only after their commit returned, so they need none.
 * A response that shows one bot's rows only ({@link ShowsOneBot}) waits only for a step that writes that bot's rows;
 * one built from the bot directory ({@link StoredOnly}), which keeps only stored rows, waits for none.
 */
@RestControllerAdvice
class H2ShownOnceStored implements ResponseBodyAdvice<Object> {
    private static final Logger log = LoggerFactory.getLogger(H2ShownOnceStored.class);
    /** Far above a store's time; reached only by a stalled database, and then the response goes anyway. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final GroupCommit commits;
    private final boolean h2;

    H2ShownOnceStored(GroupCommit commits, @Value("${spring.datasource.url:}") String databaseUrl) {
        this.commits = commits;
        this.h2 = Databases.isH2(databaseUrl);
    }

    /** Only on H2 (elsewhere a response is never held), and not for a response built from stored rows only. */
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return h2 && !returnType.hasMethodAnnotation(StoredOnly.class);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        try {
            UUID bot = returnType.hasMethodAnnotation(ShowsOneBot.class) ? pathBot(request) : null;
            if (!(bot == null ? commits.awaitCommitSteps(MAX_WAIT) : commits.awaitCommitSteps(bot, MAX_WAIT))) {
                log.warn("a group commit stayed in its commit step over {}; answering {} without waiting further",
                        MAX_WAIT, request.getURI().getPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return body;
    }

    /** The {@code {id}} path variable of a {@link ShowsOneBot} handler; null (every bot's steps) if it has none. */
    private static UUID pathBot(ServerHttpRequest request) {
        if (!(request instanceof ServletServerHttpRequest servlet)) return null;
        Object variables = servlet.getServletRequest().getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) return null;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;  // the handler answered anyway (a problem), so wait as for any response
        }
    }
}
