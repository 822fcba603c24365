// The Telegram link (docs/notifications.md): types, calls and the plain words for the server's refusals.
import { api, ApiError } from '../api/client';

export interface TelegramState { enabled: boolean; linked: boolean; chatTitle: string | null; linkedAt: string | null }
export interface LinkCode { code: string; deepLink: string; expiresAt: string }
export interface AlertChoice { started: boolean; stopped: boolean; errors: boolean; fills: boolean }

export const ALERTS: { key: keyof AlertChoice; label: string }[] = [
  { key: 'started', label: 'Bot started' },
  { key: 'stopped', label: 'Bot stopped' },
  { key: 'errors', label: 'Bot stopped by an error' },
  { key: 'fills', label: 'Fills' },
];

export const telegramApi = {
  state: () => api<TelegramState>('/telegram'),
  linkCode: () => api<LinkCode>('/telegram/link-code', { method: 'POST' }),
  unlink: () => api<void>('/telegram', { method: 'DELETE' }),
  alerts: () => api<AlertChoice>('/telegram/alerts'),
  saveAlerts: (choice: AlertChoice) => api<AlertChoice>('/telegram/alerts', { method: 'PUT', json: choice }),
};

export const TELEGRAM_OFF = 'Telegram is switched off on this server. The operator turns it on with '
  + 'botfleet.telegram.enabled=true and the bot\'s token from @BotFather in BOTFLEET_TELEGRAM_TOKEN, then restarts the server.';
export const TOO_MANY_CODES = 'You asked for too many connect codes. Wait a few minutes and try again.';

/** True when the server refused because Telegram is not configured (409). */
export const isTelegramOff = (err: unknown) => err instanceof ApiError && err.status === 409;

/** What to tell the user when a Telegram call failed. */
export function telegramError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 409) return TELEGRAM_OFF;
    if (err.status === 429) return TOO_MANY_CODES;
    return err.message;
  }
  return String(err);
}

/** "9:58" left until `expiresAt`; "expired" once it passed. */
export function countdown(expiresAt: string, now: number): string {
  const left = Math.floor((Date.parse(expiresAt) - now) / 1000);
  if (!(left > 0)) return 'expired';
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}
