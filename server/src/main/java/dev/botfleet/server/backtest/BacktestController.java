package dev.botfleet.server.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import java.util.List;
import java.util.UUID;

/** Backtests of catalog strategies over the shipped datasets, run asynchronously; each user sees only their runs. */
@RestController
@RequestMapping("/api/v1/backtests")
public class BacktestController {
    private final BacktestService backtests;
    private final Datasets datasets;
    private final JsonMapper json;

    public BacktestController(BacktestService backtests, Datasets datasets, JsonMapper json) {
        this.backtests = backtests;
        this.datasets = datasets;
        this.json = json;
    }

    @GetMapping("/datasets")
    public List<DatasetResponse> datasets() {
        return datasets.list().stream().map(d -> new DatasetResponse(d.id(), d.symbol(), d.timeframe(), d.candles(),
                d.from(), d.to())).toList();
    }

    /** 202: the run is queued; poll GET /backtests/{id} until status is DONE or FAILED. */
    @PostMapping
    public ResponseEntity<BacktestResponse> create(CurrentUser user, @RequestBody BacktestRequest request) {
        BacktestRun run = backtests.submit(user.id(), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/backtests/" + run.id()))
                .body(response(run, false));
    }

    @GetMapping
    public PageResponse<BacktestResponse> list(CurrentUser user, @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return backtests.list(user.id(), Paging.of(page, size)).map(r -> response(r, false));
    }

    @GetMapping("/{id}")
    public BacktestResponse get(CurrentUser user, @PathVariable UUID id) {
        return response(backtests.get(user.id(), id), true);
    }

    private BacktestResponse response(BacktestRun r, boolean withResult) {
        return new BacktestResponse(r.id(), r.status().name(), backtests.progressOf(r), r.strategy(), r.dataset(),
                r.symbol(), r.timeframe(), r.fillModel(), json.readTree(r.request()), r.error(), r.createdAt(),
                r.startedAt(), r.finishedAt(), withResult && r.result() != null ? json.readTree(r.result()) : null,
                withResult ? backtests.clusterChunks(r) : null);
    }

    public record DatasetResponse(String id, String symbol, String timeframe, int candles, Instant from, Instant to) {
    }

    /**
     * @param progress 0..1
     * @param request  the run's inputs after defaults (params include the strategy's defaults only once validated)
     * @param result   the report (GET /backtests/{id} of a finished run only): metrics, trades, equity curve
     * @param chunks   a sweep spread over the cluster (GET /backtests/{id} only): each chunk's combinations, the node
     *                 that holds or ran it and its attempts; absent otherwise
     */
    public record BacktestResponse(UUID id, String status, double progress, String strategy, String dataset,
                                   String symbol, String timeframe, String fillModel, JsonNode request, String error,
                                   Instant createdAt, Instant startedAt, Instant finishedAt,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode result,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) List<ChunkView> chunks) {
    }

    /**
     * One chunk of a cluster sweep; {@code node} is who ran it once done, else who holds (or last held) it.
     * {@code fold}: the walk-forward fold whose in-sample combinations the chunk runs; absent for a plain sweep.
     */
    public record ChunkView(int chunk, @JsonInclude(JsonInclude.Include.NON_NULL) Integer fold, int combinations,
                            boolean done, String node, int attempts) {
        static ChunkView of(SweepChunks.ChunkState c) {
            return new ChunkView(c.chunk(), c.fold(), c.combinations(), c.finished(), c.finished() ? c.ranBy() : c.claimedBy(),
                    c.attempts());
        }
    }
}
