package dev.botfleet.server.activity;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/logs")
public class ActivityLogController {
    private final ActivityLogService logs;

    public ActivityLogController(ActivityLogService logs) {
        this.logs = logs;
    }

    /** Newest first. {@code botId} of a bot that is not the caller's simply matches nothing. */
    @GetMapping
    public PageResponse<LogResponse> list(CurrentUser user, @RequestParam(required = false) String level,
                                          @RequestParam(required = false) UUID botId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        LogLevel parsed = v.oneOf("level", level, LogLevel.class, false);
        v.throwIfAny();
        return logs.find(user.id(), parsed, botId, Paging.of(page, size)).map(LogResponse::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public LogResponse create(CurrentUser user, @RequestBody LogRequest request) {
        return LogResponse.of(logs.post(user.id(), request.level(), request.message(), request.botId()));
    }

    public record LogRequest(String level, String message, UUID botId) {
    }

    public record LogResponse(UUID id, UUID botId, LogLevel level, String message, Instant createdAt) {
        public static LogResponse of(ActivityLog log) {
            return new LogResponse(log.id(), log.botId(), log.level(), log.message(), log.createdAt());
        }
    }
}
