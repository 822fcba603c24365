package dev.botfleet.server.account;

import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.user.Role;
import dev.botfleet.server.user.TokensRevoked;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;

/**
 * What the server's administrator (the ADMIN role, the first account registered) can do to other accounts: list them,
 * disable one (its bots stop, its tokens and streams end, it cannot log in) and enable it again. The role is read from
 * the database on every call, not from the token.
 */
@Service
public class AdminService {
    private static final Logger log = LoggerFactory.getLogger(AdminService.class);
    private final UserService userService;
    private final UserRepository users;
    private final BotService bots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AdminService(UserService userService, UserRepository users, BotService bots, ApplicationEventPublisher events,
                        Clock clock) {
        this.userService = userService;
        this.users = users;
        this.bots = bots;
        this.events = events;
        this.clock = clock;
    }

    public PageResponse<User> list(UUID adminId, Paging paging) {
        requireAdmin(adminId);
        return new PageResponse<>(users.all(paging.size(), paging.offset()), paging.page(), paging.size(), users.count());
    }

    public User disable(UUID adminId, UUID userId) {
        requireAdmin(adminId);
        if (adminId.equals(userId)) throw new ApiException.Conflict("You cannot disable your own account");
        User user = target(userId);
        if (user.disabled()) return user;
        users.disable(userId, Times.now(clock));          // first: no new token, no new login from here on
        bots.stopAllAndWait(userId, "account disabled by the administrator");
        events.publishEvent(new TokensRevoked(userId, "account disabled"));
        log.info("Account {} disabled by {}", userId, adminId);
        return target(userId);
    }

    public User enable(UUID adminId, UUID userId) {
        requireAdmin(adminId);
        target(userId);
        users.enable(userId, Times.now(clock));
        log.info("Account {} enabled by {}", userId, adminId);
        return target(userId);
    }

    private User target(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new ApiException.NotFound("No account " + userId));
    }

    private void requireAdmin(UUID adminId) {
        if (userService.get(adminId).role() != Role.ADMIN) {
            throw new ApiException.Forbidden("Only the server's administrator manages accounts");
        }
    }
}
