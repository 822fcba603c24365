// Fill notifications a trader can take in: a burst of fills (a grid bot filling ten orders) becomes one message
// naming the bot, and the pop-ups can be switched off (the activity feed keeps every fill either way).
import type { Trade } from '../api/types';
import { formatPrice, formatQuantity, type Market } from './money';

/** One message for a burst of fills; bots are named. */
export function describeFills(fills: Trade[], nameOf: (botId: string) => string,
  marketOf: (symbol: string) => Market): string {
  const byBot = new Map<string, Trade[]>();
  for (const f of fills) byBot.set(String(f.botId), [...(byBot.get(String(f.botId)) ?? []), f]);
  if (byBot.size === 1) {
    const [[botId, list]] = [...byBot];
    const name = nameOf(botId);
    if (list.length === 1) {
      const t = list[0];
      const m = marketOf(t.symbol);
      return `${name}: ${t.side === 'BUY' ? 'bought' : 'sold'} ${formatQuantity(t.quantity, m)} at ${formatPrice(t.price, m)}`;
    }
    const buys = list.filter((t) => t.side === 'BUY').length;
    const sides = [buys && `${buys} buy${buys === 1 ? '' : 's'}`, list.length - buys && `${list.length - buys} sell${list.length - buys === 1 ? '' : 's'}`]
      .filter(Boolean).join(', ');
    const symbols = [...new Set(list.map((t) => t.symbol))].join(', ');
    return `${name}: ${list.length} fills on ${symbols} (${sides})`;
  }
  const parts = [...byBot].map(([botId, list]) => `${nameOf(botId)} ×${list.length}`);
  return `${fills.length} fills: ${parts.join(', ')}`;
}

/**
 * Collects items and hands them over together: after `quietMs` without a new one, or `maxMs` after the first
 * (a steady stream still gets a message now and then).
 */
export function createBatcher<T>(flush: (items: T[]) => void, quietMs = 800, maxMs = 3000) {
  let items: T[] = [];
  let quiet: ReturnType<typeof setTimeout> | null = null;
  let max: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    if (quiet) clearTimeout(quiet);
    if (max) clearTimeout(max);
    quiet = max = null;
    const batch = items;
    items = [];
    if (batch.length) flush(batch);
  };
  return {
    add(item: T) {
      items.push(item);
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(fire, quietMs);
      if (!max) max = setTimeout(fire, maxMs);
    },
    /** Drops what is pending (unmount). */
    cancel() {
      if (quiet) clearTimeout(quiet);
      if (max) clearTimeout(max);
      quiet = max = null;
      items = [];
    },
  };
}

const FILL_TOASTS_KEY = 'botfleet.fillToasts';

/** Fill pop-ups are on unless the user switched them off (remembered in localStorage). */
export function readFillToasts(): boolean {
  try {
    return localStorage.getItem(FILL_TOASTS_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function writeFillToasts(on: boolean) {
  try {
    localStorage.setItem(FILL_TOASTS_KEY, on ? 'on' : 'off');
  } catch {
    // private mode: the choice lasts for this page only
  }
}
