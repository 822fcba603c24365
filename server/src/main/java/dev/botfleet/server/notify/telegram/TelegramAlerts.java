package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.notify.AlertChannel;
import dev.botfleet.server.notify.AlertChoices;
import dev.botfleet.server.common.AfterCommit;
import dev.botfleet.server.notify.BotAlert;
import dev.botfleet.server.common.LazyBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Queues a {@link BotAlert} for its owner's linked chat, if the owner wants that kind from that bot on Telegram. Synchronous, so the outbox row
 * joins the transaction of the change it reports; the send queue is woken once that transaction committed.
 */
@Component
public class TelegramAlerts {
    private final TelegramLinks links;
    private final TelegramOutbox outbox;
    private final Clock clock;
    /** Looked up once (the provider resolves it anew on every call, and alerts come per deal). */
    private final LazyBean<TelegramSendQueue> queue;
    private final AlertChoices choices;

    public TelegramAlerts(TelegramLinks links, TelegramOutbox outbox, Clock clock, ObjectProvider<TelegramSendQueue> queue,
                          AlertChoices choices) {
        this.choices = choices;
        this.links = links;
        this.outbox = outbox;
        this.clock = clock;
        this.queue = new LazyBean<>(queue);
    }

    @EventListener
    public void on(BotAlert alert) {
        var link = links.forAlerts(alert.ownerId());
        if (link.isEmpty() || !choices.wanted(alert.ownerId(), AlertChannel.TELEGRAM, alert.kind(), alert.botId())) return;
        outbox.queue(link.get().chatId(), alert.text(), null, clock.instant());
        wakeAfterCommit();
    }

    void wakeAfterCommit() {
        TelegramSendQueue q = queue.getIfAvailable();
        if (q == null) return;
        AfterCommit.run(q::wake);
    }
}
