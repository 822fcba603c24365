package dev.botfleet.server.bot;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.auth.totp.TwoFactorGate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestHeader;
import dev.botfleet.server.common.Decimals;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.StoredOnly;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/bots")
public class BotController {
    private final BotService bots;
    private final BotViews views;
    private final BotResolver resolver;
    private final TwoFactorGate twoFactor;

    public BotController(BotService bots, BotViews views, BotResolver resolver, TwoFactorGate twoFactor) {
        this.bots = bots;
        this.views = views;
        this.resolver = resolver;
        this.twoFactor = twoFactor;
    }

    /**
     * The user's "require 2FA for LIVE": a LIVE bot's creation, save or start needs a code in X-Botfleet-OTP. A body
     * is validated first, so a code is not spent on a request that would be refused anyway.
     */
    private void liveCode(CurrentUser user, BotRequest request, String otp, HttpServletRequest http) {
        if (!BotMode.LIVE.name().equals(request.mode())) return;
        resolver.resolve(user.id(), request);
        twoFactor.requireForLive(user.id(), otp, http.getRemoteAddr());
    }

    private void liveStartCode(CurrentUser user, UUID id, String otp, HttpServletRequest http) {
        Bot bot = bots.get(user.id(), id);
        if (bot.mode() == BotMode.LIVE && bot.status() != BotStatus.ACTIVE) {
            twoFactor.requireForLive(user.id(), otp, http.getRemoteAddr());
        }
    }

    @GetMapping
    @StoredOnly
    public PageResponse<BotResponse> list(CurrentUser user, @RequestParam(required = false) String status,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Violations v = new Violations();
        BotStatus parsed = v.oneOf("status", status, BotStatus.class, false);
        v.throwIfAny();
        return bots.list(user.id(), parsed, Paging.of(page, size)).map(views::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public BotResponse create(CurrentUser user, @RequestBody BotRequest request,
                              @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                              HttpServletRequest http) {
        liveCode(user, request, otp, http);
        return views.of(bots.create(user.id(), request));
    }

    @GetMapping("/{id}")
    @StoredOnly
    public BotResponse get(CurrentUser user, @PathVariable UUID id) {
        return views.of(bots.get(user.id(), id));
    }

    /**
     * Replaces name, exchange, symbol, strategy, mode and config. On an ACTIVE bot only the name and live-editable
     * parameters may change (applied at the bot's next turn); anything else is 409 BOT_RUNNING_STRUCTURAL_CHANGE.
     */
    @PutMapping("/{id}")
    public BotResponse update(CurrentUser user, @PathVariable UUID id, @RequestBody BotRequest request,
                              @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                              HttpServletRequest http) {
        bots.get(user.id(), id); // another user's bot: 404 before anything else
        liveCode(user, request, otp, http);
        return views.of(bots.update(user.id(), id, request));
    }

    /** 409 while the bot is ACTIVE: stop it first. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(CurrentUser user, @PathVariable UUID id) {
        bots.delete(user.id(), id);
    }

    @PostMapping("/{id}/start")
    public BotResponse start(CurrentUser user, @PathVariable UUID id,
                             @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                             HttpServletRequest http) {
        liveStartCode(user, id, otp, http);
        return views.of(bots.start(user.id(), id));
    }

    @PostMapping("/{id}/stop")
    public BotResponse stop(CurrentUser user, @PathVariable UUID id) {
        return views.of(bots.stop(user.id(), id));
    }

    @PostMapping("/{id}/toggle")
    public BotResponse toggle(CurrentUser user, @PathVariable UUID id,
                              @RequestHeader(value = TwoFactorGate.HEADER, required = false) String otp,
                              HttpServletRequest http) {
        liveStartCode(user, id, otp, http);
        return views.of(bots.toggle(user.id(), id));
    }

    @PostMapping("/stop-all")
    public StopAllResponse stopAll(CurrentUser user) {
        return new StopAllResponse(bots.stopAll(user.id()));
    }

    @GetMapping("/statistics/summary")
    @StoredOnly
    public SummaryResponse summary(CurrentUser user) {
        BotRepository.Summary s = bots.summary(user.id());
        java.util.Map<String, String> byQuote = new java.util.LinkedHashMap<>();
        s.pnlByQuote().forEach((quote, pnl) -> byQuote.put(quote, Decimals.format(pnl)));
        return new SummaryResponse(s.totalBots(), s.activeBots(), s.stoppedBots(), s.errorBots(),
                Decimals.format(s.totalPnl()), byQuote, s.totalTrades());
    }

    public record StopAllResponse(int stopped) {
    }

    /**
     * @param totalPnl        every bot's pnl added up whatever its currency (kept for compatibility: it mixes quote
     *                        assets when bots trade markets with different quotes)
     * @param totalPnlByQuote pnl summed per quote asset of the bots' symbols, e.g. {"USDT": "6.21", "BTC": "0.00012"}
     */
    public record SummaryResponse(long totalBots, long activeBots, long stoppedBots, long errorBots, String totalPnl,
                                  java.util.Map<String, String> totalPnlByQuote, long totalTrades) {
    }
}
