package dev.botfleet.server.dex;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.BotService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** A DEX bot's recent mempool events (docs/api/bots.md "DEX bots", docs/dex-mempool.md). */
@RestController
public class MempoolController {
    private final DexMempool mempool;
    private final BotService bots;

    MempoolController(DexMempool mempool, BotService bots) {
        this.mempool = mempool;
        this.bots = bots;
    }

    /** Newest first; empty for a bot that never ran on a DEX market since the server started. */
    @GetMapping("/api/v1/bots/{id}/mempool")
    public List<MempoolEventView> recent(CurrentUser user, @PathVariable UUID id) {
        bots.get(user.id(), id);  // 404 unless the caller's bot
        return mempool.recent(id).stream().map(DexMempool.Seen::view).toList();
    }
}
