// Feeds the event stream into the query cache, so every page shows live data without polling.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { keys } from '../api/hooks';
import type { Bot, Page, StreamEvent, Tick } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { EventStream, streamUrl, type ConnectionState } from './EventStream';
import { useFillNotifier } from './useFillNotifier';

interface StreamApi {
  state: ConnectionState;
  /** Listens to ticks of one market; returns the function that stops listening. */
  onTicks: (exchange: string, symbol: string, listener: (tick: Tick) => void) => () => void;
}

// Outside a provider (component tests, the login page) there is no stream: no ticks, state "closed".
const NO_STREAM: StreamApi = { state: 'closed', onTicks: () => () => {} };
const StreamContext = createContext<StreamApi>(NO_STREAM);

export function StreamProvider({ children }: { children: ReactNode }) {
  const { token, expire } = useAuth();
  const qc = useQueryClient();
  const notifyFill = useFillNotifier();
  const notifyRef = useRef(notifyFill);
  notifyRef.current = notifyFill;
  const [state, setState] = useState<ConnectionState>('closed');
  const streamRef = useRef<EventStream | null>(null);
  const tickListeners = useRef(new Map<string, Set<(t: Tick) => void>>());

  useEffect(() => {
    if (!token) return;
    const invalidate = coalescing(qc);
    const stream = new EventStream({
      url: streamUrl(token),
      onState: setState,
      onRejected: expire,
      // on "ready" (every connection, the first too): events missed while connecting, disconnected or closed as too
      // slow (1013) are made good by re-reading every query
      onResync: () => void qc.invalidateQueries(),
      onEvent: (event) => {
        if (event.type === 'tick') {
          const set = tickListeners.current.get(`${event.data.exchange}|${event.data.symbol}`);
          set?.forEach((l) => l(event.data));
          return;
        }
        apply(event, qc, invalidate);
        if (event.type === 'trade') notifyRef.current(event.data);
      },
    });
    streamRef.current = stream;
    stream.start();
    return () => {
      stream.stop();
      streamRef.current = null;
    };
  }, [token, qc, expire]);

  const value = useMemo<StreamApi>(() => ({
    state,
    onTicks: (exchange, symbol, listener) => {
      const key = `${exchange}|${symbol}`;
      const set = tickListeners.current.get(key) ?? new Set();
      set.add(listener);
      tickListeners.current.set(key, set);
      const unsubscribe = streamRef.current?.subscribe(exchange, symbol);
      return () => {
        set.delete(listener);
        unsubscribe?.();
      };
    },
  }), [state]);

  return <StreamContext.Provider value={value}>{children}</StreamContext.Provider>;
}

export function apply(event: StreamEvent, qc: QueryClient, invalidate: (key: readonly unknown[], exact?: boolean) => void) {
  switch (event.type) {
    case 'bot': {
      const bot = event.data;
      qc.setQueryData(keys.bot(bot.id), bot);
      qc.setQueryData<Page<Bot>>(keys.bots, (page) => page && {
        ...page, items: page.items.map((b) => (String(b.id) === String(bot.id) ? bot : b)),
      });
      // A GET already under way (e.g. the refetch after Start) may answer with an older view and overwrite this one;
      // a read made after this message cannot be older, and it replaces any read still in flight.
      invalidate(keys.bot(bot.id), true);
      invalidate(keys.bots, true);
      invalidate(keys.statistics);
      break;
    }
    case 'order':
      invalidate(['bots', String(event.data.botId), 'orders']);
      invalidate(keys.orders);
      break;
    case 'trade':
      invalidate(keys.bot(event.data.botId));
      invalidate(keys.bots, true); // the list only: other bots' details did not change
      invalidate(keys.statistics);
      break;
    case 'log':
      invalidate(keys.logs);
      break;
  }
}

/** Bursts of events (a grid bot filling ten orders) refetch each query once, not ten times. */
export function coalescing(qc: QueryClient) {
  const pending = new Map<string, { key: readonly unknown[]; exact: boolean }>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (key: readonly unknown[], exact = false) => {
    pending.set(JSON.stringify([key, exact]), { key, exact });
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      const all = [...pending.values()];
      pending.clear();
      for (const { key, exact } of all) void qc.invalidateQueries({ queryKey: key, exact });
    }, 250);
  };
}

export function useStream(): StreamApi {
  return useContext(StreamContext);
}
