package dev.botfleet.server.backtest.hyperopt;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.BotResponse;
import dev.botfleet.server.bot.BotViews;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Hyperopt runs over a Freqtrade config, asynchronous and resumable; each user sees only their runs (404 otherwise). */
@RestController
@RequestMapping("/api/v1/hyperopts")
public class HyperoptController {
    private final HyperoptService hyperopts;
    private final HyperoptApply apply;
    private final BotViews views;
    private final JsonMapper json;

    public HyperoptController(HyperoptService hyperopts, HyperoptApply apply, BotViews views, JsonMapper json) {
        this.hyperopts = hyperopts;
        this.apply = apply;
        this.views = views;
        this.json = json;
    }

    /** 202: queued; poll GET /hyperopts/{id} for progress (epochsDone / epochsTotal) and the best epoch so far. */
    @PostMapping
    public ResponseEntity<HyperoptResponse> create(CurrentUser user, @RequestBody HyperoptRequest request) {
        HyperoptRun run = hyperopts.submit(user.id(), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/hyperopts/" + run.id()))
                .body(response(run));
    }

    /** The caller's runs, newest first (without their trials). */
    @GetMapping
    public PageResponse<HyperoptResponse> list(CurrentUser user, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return hyperopts.list(user.id(), Paging.of(page, size)).map(this::response);
    }

    @GetMapping("/{id}")
    public HyperoptResponse get(CurrentUser user, @PathVariable UUID id) {
        return response(hyperopts.get(user.id(), id));
    }

    @PostMapping("/{id}/cancel")
    public HyperoptResponse cancel(CurrentUser user, @PathVariable UUID id) {
        return response(hyperopts.cancel(user.id(), id));
    }

    @DeleteMapping("/{id}")
    public HyperoptResponse delete(CurrentUser user, @PathVariable UUID id) {
        return cancel(user, id);
    }

    /** Body {@code {"botId": ...}}: the best strategy parameters into that STOPPED PAPER bot; answers the bot. */
    @PostMapping("/{id}/apply")
    public BotResponse apply(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return views.of(apply.apply(user.id(), id, body.get("botId")));
    }

    private HyperoptResponse response(HyperoptRun r) {
        return new HyperoptResponse(r.id(), r.status().name(), r.strategy(), r.epochsDone(), r.epochsTotal(),
                r.best() == null ? null : json.readTree(r.best()), r.trials() == null ? null : json.readTree(r.trials()),
                json.readTree(r.request()), r.error(), r.createdAt(), r.startedAt(), r.finishedAt());
    }

    /**
     * @param best   the best epoch so far: loss, trades, profit, params, minimal_roi, stoploss, trailing
     * @param trials the 20 best epochs, best first, once the run finished
     */
    public record HyperoptResponse(UUID id, String status, String strategy, int epochsDone, int epochsTotal,
                                   JsonNode best, JsonNode trials, JsonNode request, String error, Instant createdAt,
                                   Instant startedAt, Instant finishedAt) {
    }
}
