// Signal webhooks (docs/notifications.md "Signal webhooks (TradingView)"): a signal bot's secret URL and the message
// users paste into a TradingView alert.
import { api } from '../api/client';

/** What GET /bots/{id} shows of a signal bot's webhook: never the token itself. */
export interface SignalWebhook { hasToken: boolean; maskedPath: string | null }
/** POST /bots/{id}/signal-token: the one answer that carries the token. */
export interface SignalToken { token: string; path: string }

export const signalApi = {
  rotate: (botId: string | number) => api<SignalToken>(`/bots/${botId}/signal-token`, { method: 'POST' }),
};

/** The full URL of a webhook path on this server, as TradingView needs it. */
export const webhookUrl = (path: string, origin: string = window.location.origin): string => origin + path;

/**
 * The alert message for TradingView: its placeholders give the action of the strategy's order, the bar's close as a
 * limit price (delete the "price" line for market orders), the order's size in the base asset, the alert time as
 * the id and timestamp (so a repeated alert is ignored), and the ticker so a wrong chart is refused.
 */
export const TRADINGVIEW_TEMPLATE = `{
  "action": "{{strategy.order.action}}",
  "price": "{{close}}",
  "size": "{{strategy.order.contracts}}",
  "id": "{{strategy.order.id}}-{{timenow}}",
  "timestamp": "{{timenow}}",
  "symbol": "{{ticker}}"
}`;
