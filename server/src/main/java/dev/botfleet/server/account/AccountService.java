package dev.botfleet.server.account;

import dev.botfleet.server.auth.PasswordCheck;
import dev.botfleet.server.auth.TokenService;
import dev.botfleet.server.bot.BotService;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.user.TokensRevoked;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

/**
 * What a signed-in user can do to their own account: change the password, sign out everywhere, delete the account
 * with all its data. The first two revoke every token issued before (the account's token version moves on); open
 * event-stream sessions of the account are closed too.
 */
@Service
public class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    /** A bot started in the moment between stopping all and deleting is stopped in another round. */
    private static final int STOP_ROUNDS = 3;

    private final UserService userService;
    private final UserRepository users;
    private final PasswordCheck passwordCheck;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final BotService bots;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AccountService(UserService userService, UserRepository users, PasswordCheck passwordCheck,
                          PasswordEncoder passwords, TokenService tokens, BotService bots, TransactionTemplate tx,
                          ApplicationEventPublisher events, Clock clock) {
        this.userService = userService;
        this.users = users;
        this.passwordCheck = passwordCheck;
        this.passwords = passwords;
        this.tokens = tokens;
        this.bots = bots;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** @return a fresh token: the caller's own token is revoked with all the others */
    public TokenService.TokenResponse changePassword(UUID userId, String currentPassword, String newPassword, String address) {
        User user = userService.get(userId);
        String problem = UserService.passwordProblem(newPassword);
        if (problem != null) throw new ApiException.Invalid("newPassword", problem, null);
        passwordCheck.confirm(user, currentPassword, "currentPassword", address);
        if (currentPassword.equals(newPassword)) {
            throw new ApiException.Invalid("newPassword", "must differ from the current password", null);
        }
        users.changePassword(userId, passwords.encode(newPassword), Times.now(clock));
        events.publishEvent(new TokensRevoked(userId, "password changed"));
        log.info("Password changed for user {}; earlier tokens revoked", userId);
        return tokens.issue(userService.get(userId));
    }

    public void signOutEverywhere(UUID userId) {
        userService.get(userId);
        users.revokeTokens(userId, Times.now(clock));
        events.publishEvent(new TokensRevoked(userId, "signed out everywhere"));
    }

    /**
     * Stops the account's bots (canceling their open orders), waits for their last turn, then deletes the account
     * and, by cascade, every row it owns: bots, orders, fills, positions, deals, exchange keys, logs, backtests.
     */
    public void delete(UUID userId, String password, String address) {
        User user = userService.get(userId);
        passwordCheck.confirm(user, password, "password", address);
        for (int round = 1; ; round++) {
            bots.stopAllAndWait(userId, "account deleted");
            boolean deleted = Boolean.TRUE.equals(tx.execute(status -> {
                if (bots.anyActive(userId)) return false;
                boolean gone = users.delete(userId);
                if (gone) bots.ownerDeleted(userId);
                return gone;
            }));
            if (deleted) break;
            if (round == STOP_ROUNDS) {
                throw new ApiException.Conflict("Bots of this account keep being started; stop them and try again");
            }
        }
        events.publishEvent(new TokensRevoked(userId, "account deleted"));
        log.info("Account {} deleted with its data", userId);
    }
}
