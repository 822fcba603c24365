package dev.botfleet.server.runtime;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.bot.BotRepository;
import dev.botfleet.server.common.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** GET /api/v1/bots/{id}/balances: a paper bot's simulated account. Another user's bot is a 404. */
@RestController
public class BalanceController {
    private final BotRepository bots;
    private final PaperBalances balances;

    BalanceController(BotRepository bots, PaperBalances balances) {
        this.bots = bots;
        this.balances = balances;
    }

    @GetMapping("/api/v1/bots/{id}/balances")
    public List<BalanceResponse> balances(CurrentUser user, @PathVariable UUID id) {
        return balances.of(bots.find(user.id(), id).orElseThrow(() -> new ApiException.NotFound("No bot " + id)));
    }
}
