// Password reset by email: public endpoints, no token needed (docs/api.md).
import { api } from './client';

export interface ResetAccepted {
  message: string;
}

/** Always 202 with the same message, whether or not the address has an account (429 when asked too often). */
export function requestPasswordReset(email: string): Promise<ResetAccepted> {
  return api<ResetAccepted>('/auth/password-reset', { method: 'POST', json: { email } });
}

/** 204; 400 RESET_TOKEN_INVALID for an unknown, used or expired link, 400 VALIDATION_ERROR naming newPassword. */
export function confirmPasswordReset(token: string, newPassword: string): Promise<void> {
  return api<void>('/auth/password-reset/confirm', { method: 'POST', json: { token, newPassword } });
}

/** The notice the login page shows after a successful reset (passed in the router state). */
export const PASSWORD_RESET_DONE = 'Your password was changed. Log in with the new one.';
