// Turns the stream's fills into grouped, named toasts (one per burst), respecting the user's switch.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { keys } from '../api/hooks';
import { findMarket } from '../api/markets';
import type { Bot, Exchange, Page, Trade } from '../api/types';
import { useToast } from '../components/Toasts';
import { createBatcher, describeFills } from '../lib/fillToasts';

export function useFillNotifier(quietMs = 800, maxMs = 3000): (fill: Trade) => void {
  const qc = useQueryClient();
  const toast = useToast();
  const toastRef = useRef(toast);
  toastRef.current = toast;

  const batcher = useMemo(() => createBatcher<Trade>((fills) => {
    const bots = qc.getQueryData<Page<Bot>>(keys.bots)?.items ?? [];
    const exchanges = qc.getQueryData<Exchange[]>(keys.exchanges);
    const botOf = (id: string) => bots.find((b) => String(b.id) === id) ?? qc.getQueryData<Bot>(keys.bot(id));
    const nameOf = (id: string) => botOf(id)?.name ?? `Bot ${id.slice(0, 8)}`;
    const exchangeOf = (symbol: string) => fills.map((f) => botOf(String(f.botId))).find((b) => b?.symbol === symbol)?.exchange ?? 'sim';
    toastRef.current.fill(describeFills(fills, nameOf, (symbol) => findMarket(exchanges, exchangeOf(symbol), symbol)));
  }, quietMs, maxMs), [qc, quietMs, maxMs]);

  useEffect(() => () => batcher.cancel(), [batcher]);
  return batcher.add;
}
