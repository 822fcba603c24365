// Sign-in with OpenID Connect: the configured providers, the start URL, the one-time login code and the error words.
import { useQuery } from '@tanstack/react-query';
import { API, api } from '../api/client';

export interface OidcProvider {
  id: string;
  displayName: string;
}

/** A token, or — two-factor authentication on — the challenge of the login's second step (as POST /auth/login). */
export interface TokenAnswer {
  token?: string;
  expiresAt?: string;
  secondFactorRequired?: boolean;
  challenge?: string;
}

/** The providers the server has configured; none (or an older server) means no buttons. */
export function useOidcProviders() {
  return useQuery({
    queryKey: ['oidc-providers'],
    queryFn: () => api<OidcProvider[]>('/auth/oidc/providers'),
    retry: false,
  });
}

/** A full-page navigation (not fetch): the server answers with a redirect to the provider and sets its cookie. */
export function oidcStartUrl(id: string): string {
  return `${API}/auth/oidc/${encodeURIComponent(id)}/start`;
}

/** The one-time login code from /login/oidc?code=... for the same token a password login gives. */
export function exchangeLoginCode(code: string): Promise<TokenAnswer> {
  return api<TokenAnswer>('/auth/oidc/exchange', { method: 'POST', json: { code } });
}

/** The server's oidcError codes (docs/api.md) in plain words. */
export const OIDC_ERRORS: Record<string, string> = {
  unknown_provider: 'This sign-in provider is not configured on the server.',
  provider_unavailable: 'The sign-in provider could not be reached. Try again in a moment, or log in with your password.',
  access_denied: 'Sign-in was cancelled at the provider.',
  provider_error: 'The sign-in provider reported an error. Please try again.',
  invalid_state: 'This sign-in has expired, was already used, or was started in another browser. Please start again.',
  token_exchange_failed: 'The sign-in provider did not complete the sign-in. Please start again.',
  invalid_id_token: "The sign-in provider's answer could not be verified. Please start again.",
  email_missing: 'The sign-in provider did not share a usable email address.',
  email_not_verified: 'Your email address is not verified at the sign-in provider. Verify it there, then try again.',
  registration_closed: 'There is no account with this email address, and sign-up is closed on this server.',
  account_disabled: "This account is disabled; ask the server's administrator.",
  busy: 'Too many sign-ins are under way. Please try again in a moment.',
};

export function oidcErrorMessage(code: string): string {
  return OIDC_ERRORS[code] ?? 'Sign-in with the provider failed. Please try again.';
}
