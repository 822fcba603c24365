package dev.botfleet.server.venue;

import dev.botfleet.exchanges.VenueCredential;
import dev.botfleet.exchanges.live.AccountSession;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One {@link AccountSession} (user stream, balance cache) per stored key that running live bots use, opened with the
 * first bot and closed with the last.
 */
@Component
public class LiveAccounts {
    private final VenueRegistry venues;
    private final Map<UUID, Held> sessions = new HashMap<>();

    public LiveAccounts(VenueRegistry venues) {
        this.venues = venues;
    }

    private record Held(AccountSession session, int users) {
    }

    /** The open session of a key, opening it (account call, user stream) if no bot uses it yet. */
    public synchronized AccountSession acquire(UUID credentialId, String venue, Supplier<VenueCredential> credential) {
        Held held = sessions.get(credentialId);
        if (held == null) {
            AccountSession session = new AccountSession(venues.find(venue).orElseThrow().venue().trading(credential.get()));
            try {
                session.open();
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
            held = new Held(session, 0);
        }
        sessions.put(credentialId, new Held(held.session(), held.users() + 1));
        return held.session();
    }

    public synchronized void release(UUID credentialId) {
        Held held = sessions.get(credentialId);
        if (held == null) return;
        if (held.users() <= 1) {
            sessions.remove(credentialId);
            held.session().close();
        } else {
            sessions.put(credentialId, new Held(held.session(), held.users() - 1));
        }
    }
}
