package dev.botfleet.server.auth.oidc;

/**
 * A sign-in step failed for a reason the user is told as an {@link OidcError}; {@code reason} is for the log only
 * (never a token, code, state or secret in it).
 */
final class OidcFailure extends RuntimeException {
    private final OidcError error;

    OidcFailure(OidcError error, String reason) {
        super(reason, null, false, false);
        this.error = error;
    }

    OidcError error() {
        return error;
    }
}
