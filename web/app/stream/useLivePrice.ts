import { useEffect, useState } from 'react';
import { useStream } from './StreamContext';

/** The market's price as it ticks on the event stream (null until the first tick or without a market). */
export function useLivePrice(exchange: string, symbol: string): string | null {
  const { onTicks } = useStream();
  const [price, setPrice] = useState<{ market: string; price: string } | null>(null);
  const market = `${exchange}|${symbol}`;
  useEffect(() => {
    if (!exchange || !symbol) return;
    return onTicks(exchange, symbol, (t) => setPrice({ market, price: t.price }));
  }, [exchange, symbol, market, onTicks]);
  return price && price.market === market ? price.price : null;
}
