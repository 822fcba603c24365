// A WebSocket to /api/v1/stream that reconnects by itself with backoff and re-sends tick subscriptions.
// A frame holds one event or {"type":"batch","data":[event, ...]} (docs/api/stream.md, "Event stream"). Events missed
// while the connection was down (or when the server closed it with 1013, "client too slow"), and state read while
// it was being set up, are made good by onResync: the server's first message on every connection is "ready" (from
// here on nothing is missed), and on it the dashboard re-reads its state.
import type { StreamEvent } from '../api/types';
import { backoffDelay } from './backoff';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StreamOptions {
  url: string;
  onEvent: (event: StreamEvent) => void;
  onState: (state: ConnectionState) => void;
  /** The server closes with 1008 (policy violation) for an invalid or expired token: no point retrying. */
  onRejected: () => void;
  /**
   * The server registered this connection ("ready", its first message, on the first connection as on every
   * reconnect): events from before it may have been missed, so state read before it should be re-read.
   */
  onResync?: () => void;
  createSocket?: (url: string) => WebSocket;
  schedule?: (fn: () => void, ms: number) => unknown;
}

const POLICY_VIOLATION = 1008;

export class EventStream {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private readonly markets = new Map<string, { exchange: string; symbol: string; count: number }>();

  constructor(private readonly options: StreamOptions) {}

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.socket?.close(1000);
    this.socket = null;
    this.options.onState('closed');
  }

  /** Asks for ticks of a market; counted, so two charts of one market share a subscription. */
  subscribe(exchange: string, symbol: string): () => void {
    const key = `${exchange}|${symbol}`;
    const entry = this.markets.get(key);
    if (entry) entry.count++;
    else {
      this.markets.set(key, { exchange, symbol, count: 1 });
      this.send({ action: 'subscribe', exchange, symbol });
    }
    return () => {
      const e = this.markets.get(key);
      if (!e) return;
      if (--e.count === 0) {
        this.markets.delete(key);
        this.send({ action: 'unsubscribe', exchange, symbol });
      }
    };
  }

  private send(message: object) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect() {
    if (this.stopped) return;
    this.options.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const create = this.options.createSocket ?? ((u: string) => new WebSocket(u));
    const socket = create(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onState('open');
      for (const m of this.markets.values()) this.send({ action: 'subscribe', exchange: m.exchange, symbol: m.symbol });
    };
    socket.onmessage = (message) => {
      try {
        const frame = JSON.parse(String(message.data)) as StreamEvent | { type: 'batch'; data: unknown };
        const events = frame?.type === 'batch' && Array.isArray(frame.data) ? frame.data : [frame];
        for (const event of events as (StreamEvent | { type: 'ready' })[]) {
          if (event?.type === 'ready') this.options.onResync?.();
          else if (event && typeof event.type === 'string') this.options.onEvent(event);
        }
      } catch {
        // a malformed frame is dropped; the next one may be fine
      }
    };
    socket.onclose = (close) => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      if (close.code === POLICY_VIOLATION) {
        this.stopped = true;
        this.options.onState('closed');
        this.options.onRejected();
        return;
      }
      const delay = backoffDelay(this.attempt++);
      this.options.onState('reconnecting');
      (this.options.schedule ?? setTimeout)(() => this.connect(), delay);
    };
  }
}

export function streamUrl(token: string, location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/stream?token=${encodeURIComponent(token)}`;
}
