package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.user.User;
import dev.botfleet.server.user.UserRepository;
import dev.botfleet.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Clock;

/**
 * Finds the account a verified provider identity signs in to: the one linked to (issuer, subject) before, else the one
 * with the verified email (then linked), else a new one if sign-up is open. The link is what later sign-ins go by, so
 * an email changed at the provider still reaches the same account.
 */
final class OidcAccounts {
    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);
    private final OidcLinks links;
    private final UserRepository users;
    private final UserService userService;
    private final Clock clock;

    OidcAccounts(OidcLinks links, UserRepository users, UserService userService, Clock clock) {
        this.links = links;
        this.users = users;
        this.userService = userService;
        this.clock = clock;
    }

    User resolve(String issuer, String subject, String email) {
        try {
            return resolveOnce(issuer, subject, email);
        } catch (DataIntegrityViolationException | ApiException.Conflict race) {
            // the same person's two sign-ins at once created the account or the link meanwhile: the second look finds it
            return resolveOnce(issuer, subject, email);
        }
    }

    private User resolveOnce(String issuer, String subject, String email) {
        User linked = links.userOf(issuer, subject).flatMap(users::findById).orElse(null);
        if (linked != null) return usable(linked);
        String normalized = UserService.normalizeEmail(email);
        User user = users.findByEmail(normalized).orElse(null);
        boolean created = user == null;
        if (created) user = create(email);
        usable(user); // a disabled account is not linked either
        links.link(issuer, subject, user.id(), normalized, Times.now(clock));
        log.info("OIDC: {} account {} linked to a subject of {}", created ? "new" : "existing", user.id(), issuer);
        return user;
    }

    private User create(String email) {
        try {
            return userService.registerExternal(email);
        } catch (ApiException.Forbidden closed) {
            throw new OidcFailure(OidcError.REGISTRATION_CLOSED, "no account for this email and sign-up is closed");
        } catch (ApiException.Invalid invalid) {
            throw new OidcFailure(OidcError.EMAIL_MISSING, "the provider's email is not a usable address");
        }
    }

    private static User usable(User user) {
        if (user.disabled()) throw new OidcFailure(OidcError.ACCOUNT_DISABLED, "account " + user.id() + " is disabled");
        return user;
    }
}
