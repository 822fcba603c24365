import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Bot } from '../api/types';
import { BotCard } from './BotCard';
import { ToastProvider } from './Toasts';

const bot = (status: Bot['status'], warmup: Bot['warmup']): Bot => ({ id: 'b1', name: 'RSI dip', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'rules',
  mode: 'PAPER', status, config: {}, pnl: '0', totalTrades: 0, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '', warmup });

function card(b: Bot) {
  const qc = new QueryClient();
  return render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter>
    <BotCard bot={b} market={{ base: 'BTC', quote: 'USDT', tickSize: '0.01', lotSize: '0.00001' }} />
  </MemoryRouter></ToastProvider></QueryClientProvider>);
}

describe('warm-up on the bot card', () => {
  it('shows an active bot that has not received its candles yet, with a progress bar', () => {
    card(bot('ACTIVE', { needed: 35, received: 12 }));
    expect(screen.getByText('Warming up 12/35 candles')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Warming up 12/35 candles' });
    expect(bar).toHaveAttribute('aria-valuenow', '12');
    expect(bar).toHaveAttribute('aria-valuemax', '35');
    expect(screen.getByText('34%')).toBeInTheDocument();
  });

  it.each([
    ['warmed up', bot('ACTIVE', { needed: 35, received: 35 })],
    ['stopped', bot('STOPPED', { needed: 35, received: 12 })],
    ['no warm-up', bot('ACTIVE', null)],
    ['an older server', bot('ACTIVE', undefined)],
  ])('says nothing when %s', (_, b) => {
    card(b);
    expect(screen.queryByTestId('warmup')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
