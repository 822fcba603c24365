import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keys } from '../api/hooks';
import type { Trade } from '../api/types';
import { createBatcher, describeFills } from '../lib/fillToasts';
import { marketOfSymbol } from '../lib/money';
import { useFillNotifier } from '../stream/useFillNotifier';
import { FillToastSwitch, TOAST_MS, ToastProvider, ToastViewport, useToast } from './Toasts';

const SIM = [{ id: 'sim', name: 'Simulated', liveTrading: false, symbols: [
  { symbol: 'BTC/USDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.01', lotSize: '0.00001', minQuantity: '0.00001', minNotional: '5', makerFee: '0.001', takerFee: '0.001' },
] }];
const BOTS = { items: [
  { id: 'g1', name: 'Grid A', exchange: 'sim', symbol: 'BTC/USDT' },
  { id: 's1', name: 'Scalper B', exchange: 'sim', symbol: 'BTC/USDT' },
], page: 0, size: 100, total: 2 };

const fill = (n: number, botId = 'g1', side: 'BUY' | 'SELL' = n % 5 < 3 ? 'BUY' : 'SELL'): Trade => ({
  id: n, botId, orderId: n, clientOrderId: `${botId}-${n}`, tradeId: `t${n}`, symbol: 'BTC/USDT', side,
  price: '64210.5', quantity: '0.0015', fee: '0.0963', feeCurrency: 'USDT', realizedPnl: null, executedAt: '2026-01-01T00:00:00Z',
});

let addFill: (t: Trade) => void = () => {};
function Harness() {
  addFill = useFillNotifier(800, 3000);
  const toast = useToast();
  return <><FillToastSwitch /><button onClick={() => toast.error('Stop all failed')}>fail</button><ToastViewport /><main>results</main></>;
}

function renderToasts() {
  const qc = new QueryClient();
  qc.setQueryData(keys.bots, BOTS);
  qc.setQueryData(keys.exchanges, SIM);
  return render(<QueryClientProvider client={qc}><ToastProvider><Harness /></ToastProvider></QueryClientProvider>);
}

const toasts = () => document.querySelectorAll('[data-toast]');

beforeEach(() => { localStorage.clear(); vi.useFakeTimers(); });
afterEach(() => vi.useRealTimers());

describe('fill messages', () => {
  const nameOf = (id: string) => (id === 'g1' ? 'Grid A' : 'Scalper B');
  it('name the bot and show the fill in units', () => {
    expect(describeFills([fill(0)], nameOf, marketOfSymbol)).toBe('Grid A: bought 0.00150000 BTC at 64,210.50 USDT');
  });
  it('group a burst into one line per run', () => {
    const ten = Array.from({ length: 10 }, (_, i) => fill(i));
    expect(describeFills(ten, nameOf, marketOfSymbol)).toBe('Grid A: 10 fills on BTC/USDT (6 buys, 4 sells)');
    expect(describeFills([...ten, fill(11, 's1')], nameOf, marketOfSymbol)).toBe('11 fills: Grid A ×10, Scalper B ×1');
  });
  it('batch items arriving together, and flush a steady stream at the latest after maxMs', () => {
    const flushed: number[][] = [];
    const b = createBatcher<number>((items) => flushed.push(items), 800, 3000);
    for (let i = 0; i < 10; i++) b.add(i);
    vi.advanceTimersByTime(799);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    for (let i = 0; i < 8; i++) { b.add(i); vi.advanceTimersByTime(500); }
    expect(flushed).toHaveLength(2); // the 3 s cap fired although fills kept coming
  });
});

describe('fill toasts', () => {
  it('show one toast naming the bot for ten fills, inside the page flow, and dismiss themselves', () => {
    renderToasts();
    act(() => { for (let i = 0; i < 10; i++) addFill(fill(i)); });
    act(() => { vi.advanceTimersByTime(800); });
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Grid A: 10 fills on BTC/USDT (6 buys, 4 sells)');
    // in the viewport that precedes the content, not a fixed overlay on top of it
    expect(toasts()[0].closest('.fixed')).toBeNull();
    expect(screen.getByTestId('toasts').compareDocumentPosition(screen.getByText('results')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    act(() => { vi.advanceTimersByTime(TOAST_MS.success); });
    expect(toasts()).toHaveLength(0);
  });

  it('can be switched off (remembered), while other toasts still show', () => {
    const view = renderToasts();
    fireEvent.click(screen.getByLabelText('Fill pop-ups'));
    expect(localStorage.getItem('botfleet.fillToasts')).toBe('off');
    act(() => { addFill(fill(1)); vi.advanceTimersByTime(3000); });
    expect(toasts()).toHaveLength(0);
    fireEvent.click(screen.getByText('fail'));
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Stop all failed');

    view.unmount();
    renderToasts();
    expect(screen.getByLabelText('Fill pop-ups')).not.toBeChecked();
    fireEvent.click(screen.getByLabelText('Fill pop-ups'));
    act(() => { addFill(fill(1, 's1', 'SELL')); vi.advanceTimersByTime(800); });
    expect(toasts()[0]).toHaveTextContent('Scalper B: sold 0.00150 BTC at 64,210.50 USDT');
  });
});
