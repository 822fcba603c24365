package dev.botfleet.server.auth;

import java.util.UUID;

/** The authenticated caller, taken from the bearer token. A controller parameter of this type is filled in for it. */
public record CurrentUser(UUID id) {
}
