package dev.botfleet.server.portfolio;

import dev.botfleet.server.bot.Bot;
import dev.botfleet.server.bot.BotMode;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.notify.BotAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stores each ACTIVE bot's equity every {@code botfleet.portfolio.snapshot-interval} (and once more when a bot stops,
 * after the stop committed), and deletes snapshots older than the retention. A bot's equity is in its quote asset:
 * a paper bot's whole simulated account (a perpetual's wallet plus its unrealized PnL); a LIVE bot has no account of
 * its own (a key's account is shared), so its equity is its realized plus unrealized PnL. A bot whose account cannot
 * be valued (no last price) gets no snapshot that time.
 */
@Component
public class EquitySnapshots implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EquitySnapshots.class);

    private final PortfolioRepository repository;
    private final BotRepository bots;
    private final Accounts accounts;
    private final PortfolioProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    EquitySnapshots(PortfolioRepository repository, BotRepository bots, Accounts accounts,
                    PortfolioProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        // after the stop's commit the finished transaction's connection is still bound: write in a new one
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.repository = repository;
        this.bots = bots;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run of the job: a snapshot of every ACTIVE bot, then the retention. Returns the snapshots written. */
    public int takeAll() {
        Instant now = Times.now(clock);
        int written = 0;
        for (UUID[] ownerAndBot : repository.activeBots()) {
            Optional<Bot> bot = bots.find(ownerAndBot[0], ownerAndBot[1]);
            if (bot.isPresent() && take(bot.get(), now)) written++;
        }
        int deleted = repository.deleteBefore(now.minus(properties.snapshotRetention()));
        if (deleted > 0) log.debug("equity snapshots: {} older than {} deleted", deleted, properties.snapshotRetention());
        return written;
    }

    /** The final snapshot of a bot that stopped (or failed), once its stop is committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onAlert(BotAlert alert) {
        if (alert.kind() != BotAlert.Kind.STOPPED && alert.kind() != BotAlert.Kind.ERROR) return;
        try {
            ownTransaction.executeWithoutResult(status ->
                    bots.find(alert.ownerId(), alert.botId()).ifPresent(bot -> take(bot, Times.now(clock))));
        } catch (RuntimeException e) {
            log.warn("equity snapshot of stopped bot {} failed: {}", alert.botId(), e.toString());
        }
    }

    boolean take(Bot bot, Instant now) {
        Optional<BigDecimal> equity = equity(bot);
        equity.ifPresent(e -> repository.insert(bot.ownerId(), new PortfolioRepository.Snapshot(bot.id(), now, bot.quoteAsset(), e)));
        return equity.isPresent();
    }

    /** The bot's equity in its quote asset, empty when some part of it has no price. */
    Optional<BigDecimal> equity(Bot bot) {
        List<PortfolioRepository.PositionRow> rows = repository.positions(bot.ownerId(), bot.id());
        if (bot.mode() == BotMode.PAPER) {
            Accounts.Valued account = accounts.paper(bot, rows, bot.quoteAsset());
            if (account.error() != null || !account.unvalued().isEmpty()) return Optional.empty();
            return Optional.of(account.total());
        }
        BigDecimal equity = BigDecimal.ZERO;
        for (PortfolioRepository.PositionRow r : rows) equity = equity.add(r.realizedPnl());
        for (Accounts.Position p : accounts.positions(bot, rows, bot.quoteAsset())) {
            if (!p.valued()) return Optional.empty();
            equity = equity.add(p.unrealized());
        }
        return Optional.of(equity);
    }

    @Override
    public void start() {
        long period = properties.snapshotInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("equity-snapshots").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::runSafely, period, period, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void runSafely() {
        try {
            int written = takeAll();
            log.debug("equity snapshots: {} written", written);
        } catch (RuntimeException e) {
            log.error("equity snapshots failed", e);  // the next period tries again
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
