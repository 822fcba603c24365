package dev.botfleet.server.auth.oidc;

/**
 * Why a browser sign-in ended without an account: the browser is sent to {@code /login?oidcError=<code>} and the
 * dashboard words it. The codes are part of the API (docs/api.md); the dashboard keeps its own text per code.
 */
public enum OidcError {
    /** No provider with this id is configured. */
    UNKNOWN_PROVIDER,
    /** The provider could not be reached, timed out, or answered its discovery or keys with nonsense. */
    PROVIDER_UNAVAILABLE,
    /** The user said no at the provider. */
    ACCESS_DENIED,
    /** The provider answered the sign-in with another error, or without a code. */
    PROVIDER_ERROR,
    /** The state is unknown, expired, used, for another provider, or was started in another browser. */
    INVALID_STATE,
    /** The provider refused to exchange the code (wrong client secret, code used or expired). */
    TOKEN_EXCHANGE_FAILED,
    /** The id_token's signature, issuer, audience, expiry or nonce is wrong. */
    INVALID_ID_TOKEN,
    /** The provider gave no (usable) email address. */
    EMAIL_MISSING,
    /** The provider has not verified the email address. */
    EMAIL_NOT_VERIFIED,
    /** No account has this email and sign-up is closed (botfleet.registration.enabled=false). */
    REGISTRATION_CLOSED,
    /** The account is disabled by an administrator. */
    ACCOUNT_DISABLED,
    /** Too many sign-ins are under way at once; try again in a moment. */
    BUSY;

    /** The value of the oidcError query parameter. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
