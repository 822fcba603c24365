// Two-factor authentication (TOTP): the account's settings, enrolment, and the requests that carry a code in the
// X-Botfleet-OTP header when the user's requirements ask for one (docs/api/auth.md "Two-factor authentication").
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from './client';
import type { Bot, BotInput, Credential, CredentialInput } from './types';

type Id = number | string;

export const OTP_HEADER = 'X-Botfleet-OTP';

export interface TwoFactorStatus {
  enabled: boolean;
  requireForLive: boolean;
  requireForKeys: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorSetup { secret: string; otpauthUri: string }

/** POST /auth/login answers either a token or a challenge for the second step. */
export interface LoginAnswer {
  token?: string;
  expiresAt?: string;
  secondFactorRequired: boolean;
  challenge?: string;
  challengeExpiresAt?: string;
}

export const twoFactorKey = ['me', '2fa'] as const;

export function useTwoFactor(enabled = true) {
  return useQuery({ queryKey: twoFactorKey, queryFn: () => api<TwoFactorStatus>('/me/2fa'), enabled });
}

const withCode = (otp?: string): HeadersInit | undefined => (otp ? { [OTP_HEADER]: otp.replace(/\s/g, '') } : undefined);

export const twoFactorApi = {
  setup: () => api<TwoFactorSetup>('/me/2fa/setup', { method: 'POST' }),
  enable: (code: string) => api<{ recoveryCodes: string[] }>('/me/2fa/enable', { method: 'POST', json: { code } }),
  disable: (body: { password: string; code?: string; recoveryCode?: string }) =>
    api<void>('/me/2fa/disable', { method: 'POST', json: body }),
  requirements: (body: { requireForLive: boolean; requireForKeys: boolean }, otp?: string) =>
    api<TwoFactorStatus>('/me/2fa/requirements', { method: 'PUT', json: body, headers: withCode(otp) }),
  secondStep: (body: { challenge: string; code?: string; recoveryCode?: string }) =>
    api<LoginAnswer>('/auth/login/2fa', { method: 'POST', json: body }),
};

/** The requests the requirements guard, each with an optional code. */
export const guardedApi = {
  createKey: (input: CredentialInput, otp?: string) =>
    api<Credential>('/credentials', { method: 'POST', json: input, headers: withCode(otp) }),
  createBot: (input: BotInput, otp?: string) => api<Bot>('/bots', { method: 'POST', json: input, headers: withCode(otp) }),
  updateBot: (id: Id, input: BotInput, otp?: string) =>
    api<Bot>(`/bots/${id}`, { method: 'PUT', json: input, headers: withCode(otp) }),
  startBot: (id: Id, otp?: string) => api<Bot>(`/bots/${id}/start`, { method: 'POST', headers: withCode(otp) }),
};

/** True for the server's "this needs a code" (403 TOTP_REQUIRED). */
export const needsCode = (err: unknown) => err instanceof ApiError && err.problem.code === 'TOTP_REQUIRED';
