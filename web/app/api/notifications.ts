// Alert choices per channel, kind and bot; outgoing webhooks and their delivery log (docs/notifications.md).
import { api } from './client';

export const CHANNELS = ['telegram', 'email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABEL: Record<Channel, string> = { telegram: 'Telegram', email: 'Email', webhook: 'Webhooks' };

export const KINDS = ['STARTED', 'STOPPED', 'ERROR', 'FILL', 'DEAL_CLOSED', 'RISK', 'DAILY_SUMMARY'] as const;
export type AlertKind = (typeof KINDS)[number];
export const KIND_LABEL: Record<AlertKind, string> = {
  STARTED: 'Bot started', STOPPED: 'Bot stopped', ERROR: 'Bot in ERROR', FILL: 'Fills',
  DEAL_CLOSED: 'Deals closed', RISK: 'Risk events', DAILY_SUMMARY: 'Daily summary',
};

export interface AlertOverride { botId: string; channel: Channel; kind: AlertKind; enabled: boolean }

export interface Preferences {
  defaults: Record<Channel, Record<AlertKind, boolean>>;
  overrides: AlertOverride[];
  dailySummaryHour: number | null;
  timeZone: string;
  emailEnabled: boolean;
}

export type PreferencesInput = Omit<Preferences, 'emailEnabled'>;

export const WEBHOOK_EVENTS = ['BOT_STARTED', 'BOT_STOPPED', 'BOT_ERROR', 'FILL', 'DEAL_CLOSED', 'RISK', 'DAILY_SUMMARY'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook { id: string; url: string; events: WebhookEvent[]; enabled: boolean; createdAt: string }
/** Only the create answer carries the secret. */
export interface CreatedWebhook extends Webhook { secret: string }

export interface Delivery {
  id: number; webhookId: string; event: WebhookEvent; status: 'PENDING' | 'DELIVERED' | 'FAILED'; attempts: number;
  lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null; deliveredAt: string | null;
  failedAt: string | null; createdAt: string;
}

export const notificationsApi = {
  preferences: () => api<Preferences>('/notifications/preferences'),
  save: (p: PreferencesInput) => api<Preferences>('/notifications/preferences', { method: 'PUT', json: p }),
};

export const webhooksApi = {
  list: () => api<Webhook[]>('/webhooks'),
  create: (url: string, events: WebhookEvent[]) => api<CreatedWebhook>('/webhooks', { method: 'POST', json: { url, events, enabled: true } }),
  update: (w: Webhook, enabled: boolean) => api<Webhook>(`/webhooks/${w.id}`, { method: 'PUT', json: { url: w.url, events: w.events, enabled } }),
  remove: (id: string) => api<void>(`/webhooks/${id}`, { method: 'DELETE' }),
  deliveries: (id: string) => api<Delivery[]>(`/webhooks/${id}/deliveries`),
};

/** The override of one bot for a channel and kind, if any. */
export function overrideOf(p: Pick<Preferences, 'overrides'>, botId: string, channel: Channel, kind: AlertKind): boolean | undefined {
  return p.overrides.find((o) => o.botId === botId && o.channel === channel && o.kind === kind)?.enabled;
}

/** Sets (true/false) or clears (undefined) one bot's override. */
export function withOverride(overrides: AlertOverride[], botId: string, channel: Channel, kind: AlertKind,
  enabled: boolean | undefined): AlertOverride[] {
  const rest = overrides.filter((o) => !(o.botId === botId && o.channel === channel && o.kind === kind));
  return enabled === undefined ? rest : [...rest, { botId, channel, kind, enabled }];
}

/** Every channel and kind off for the bot. */
export function muted(overrides: AlertOverride[], botId: string): AlertOverride[] {
  return [...overrides.filter((o) => o.botId !== botId),
    ...CHANNELS.flatMap((channel) => KINDS.map((kind) => ({ botId, channel, kind, enabled: false })))];
}

/** The IANA zones the browser knows, for the time zone field's suggestions. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone')] : ['UTC'];
}
