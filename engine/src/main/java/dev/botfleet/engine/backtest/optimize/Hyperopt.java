package dev.botfleet.engine.backtest.optimize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Searches a space for the parameters with the lowest loss, Freqtrade-hyperopt style, on several threads.
 *
 * <p>Determinism: trials are proposed in fixed-size batches, each from the history of all earlier batches, with a
 * generator fixed by (seed, trial index); a batch is evaluated in parallel and merged in index order before the next
 * is proposed. So the trials depend on the seed and batch size, never on the thread count or on timing.
 *
 * <p>Resuming: with a checkpoint, every finished trial is appended to it. A new run with the same settings re-proposes
 * the same trials and takes the recorded ones from the file instead of evaluating them again (after checking the
 * parameters match), so a killed run ends with the same result as one that never stopped — provided the objective
 * itself is deterministic.
 */
public final class Hyperopt {
    /** Freqtrade's MAX_LOSS: the loss of a trial with fewer than min_trades trades. */
    public static final double MAX_LOSS = 100000;

    private final List<Dimension> space;
    private final Sampler sampler;
    private final HyperoptLoss loss;
    private final Function<Map<String, Object>, TrialOutcome> objective;
    private final HyperoptOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public Hyperopt(List<Dimension> space, Sampler sampler, HyperoptLoss loss,
                    Function<Map<String, Object>, TrialOutcome> objective, HyperoptOptions options) {
        Objects.requireNonNull(space, "space");
        if (space.isEmpty()) throw new IllegalArgumentException("space: needs at least one dimension");
        Set<String> names = new HashSet<>();
        for (Dimension d : space) {
            if (!names.add(d.name())) throw new IllegalArgumentException("space: dimension '" + d.name() + "' appears twice");
        }
        this.space = List.copyOf(space);
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Asks a running {@link #run()} to stop: trials not yet started are skipped; the result says cancelled. */
    public void cancel() { cancelled.set(true); }

    /** How many trials the run makes at most: the options' trials, fewer when the sampler has fewer to propose. */
    public int total() {
        var finite = sampler.size(space);
        return finite.isPresent() ? (int) Math.min(options.trials(), finite.getAsLong()) : options.trials();
    }

    /** Trials proposed together from the same history (the batches start at 0, batchSize, 2 × batchSize, ...). */
    public int batchSize() { return options.batchSize(); }

    /**
     * The batch {@link #run()} proposes at {@code start}: trials {@code [start, min(total, start + batchSize))}, or
     * fewer when the sampler runs out (the run ends after them). For running the trials elsewhere, one batch at a
     * time: evaluate each with {@link #evaluate}, then propose the next batch from every finished trial in index
     * order — the trials, and so the best, are those of {@link #run()}.
     *
     * @param history every trial of the earlier batches, in index order
     */
    public List<Map<String, Object>> proposeBatch(int start, List<Trial> history) {
        List<Trial> frozen = List.copyOf(history);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < Math.min(total(), start + options.batchSize()); i++) {
            Optional<Map<String, Object>> proposal = sampler.propose(space, i, frozen, options.seed());
            if (proposal.isEmpty()) break;
            out.add(proposal.get());
        }
        return out;
    }

    /** Runs one trial as {@link #run()} does: the objective, then the loss (MAX_LOSS under min trades). */
    public Trial evaluate(int index, Map<String, Object> params) {
        TrialOutcome outcome;
        try {
            outcome = objective.apply(params);
        } catch (RuntimeException e) {
            throw new IllegalStateException("trial " + index + " " + params + " failed: " + e.getMessage(), e);
        }
        if (outcome == null) throw new IllegalStateException("trial " + index + " " + params + ": the objective returned null");
        // Freqtrade: too few trades is "bad" whatever the loss would say, so hodl-like parameters are cast away
        double value = outcome.trades().size() >= options.minTrades() ? loss.loss(outcome) : MAX_LOSS;
        return new Trial(index, params, value, Trial.Summary.of(outcome));
    }

    public HyperoptResult run() {
        int total = total();
        Checkpoint checkpoint = options.checkpoint() == null ? null : Checkpoint.open(options.checkpoint(), runIdentity());
        List<Trial> done = new ArrayList<>();
        Trial best = null;
        int resumed = 0;
        int inFlight = options.maxInFlight();
        try (ExecutorService pool = Executors.newFixedThreadPool(inFlight)) {
            for (int start = 0; start < total && !cancelled.get(); start += options.batchSize()) {
                List<Trial> history = List.copyOf(done);
                List<Future<Trial>> batch = new ArrayList<>();
                int end = Math.min(total, start + options.batchSize());
                // proposals are pure functions of (history, index, seed), so they too run in parallel
                List<Future<Optional<Map<String, Object>>>> proposals = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    int index = i;
                    proposals.add(pool.submit(() -> sampler.propose(space, index, history, options.seed())));
                }
                for (int i = start; i < end; i++) {
                    Optional<Map<String, Object>> proposal = await(proposals.get(i - start), pool);
                    if (proposal.isEmpty()) { total = i; break; }
                    Trial recorded = checkpoint == null ? null : checkpoint.finished(i);
                    if (recorded != null) {
                        requireSameParams(checkpoint, recorded, proposal.get());
                        batch.add(CompletableFuture.completedFuture(recorded));
                        resumed++;
                    } else {
                        int index = i;
                        batch.add(pool.submit(() -> evaluate(index, proposal.get(), checkpoint)));
                    }
                }
                for (Future<Trial> f : batch) {  // merge in trial order
                    Trial t = await(f, pool);
                    if (t == null) continue;  // skipped after cancel
                    done.add(t);
                    if (best == null || Trial.BEST_FIRST.compare(t, best) < 0) best = t;
                    options.progress().onTrial(done.size(), total, best);
                }
            }
        }
        return new HyperoptResult(done, best, cancelled.get() && done.size() < total, resumed, inFlight);
    }

    private Trial evaluate(int index, Map<String, Object> params, Checkpoint checkpoint) {
        if (cancelled.get()) return null;
        Trial t = evaluate(index, params);
        if (checkpoint != null) checkpoint.append(t);
        return t;
    }

    private static <T> T await(Future<T> f, ExecutorService pool) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
            throw new IllegalStateException("hyperopt interrupted", e);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void requireSameParams(Checkpoint checkpoint, Trial recorded, Map<String, Object> proposed) {
        if (!recorded.params().equals(proposed)) {
            throw new IllegalStateException("checkpoint " + checkpoint.where(recorded.index()) + ": trial "
                    + recorded.index() + " was " + recorded.params() + " but this run proposes " + proposed
                    + "; the objective or the data changed the history, so the run cannot resume from it");
        }
    }

    /** What must match for a checkpoint to belong to this run (threads may differ: they do not change trials). */
    private String runIdentity() {
        return "sampler=" + sampler.describe() + " loss=" + loss.name() + " seed=" + options.seed()
                + " batch=" + options.batchSize() + " minTrades=" + options.minTrades() + " space=" + space;
    }
}
