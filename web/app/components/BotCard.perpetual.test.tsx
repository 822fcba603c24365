import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/hooks';
import type { Bot, Position } from '../api/types';
import { BotCard } from './BotCard';
import { ToastProvider } from './Toasts';

const BOT: Bot = { id: 'b1', name: 'Short scalper', exchange: 'sim_perp', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
  status: 'ACTIVE', config: {}, pnl: '0', totalTrades: 0, lastFillTime: null, statusReason: null, createdAt: '', updatedAt: '',
  leverage: '5', marginMode: 'ISOLATED' };
const SHORT: Position = { botId: 'b1', exchange: 'sim_perp', symbol: 'BTC/USDT', quantity: '-0.010', averageEntryPrice: '64000',
  realizedPnl: '0', unrealizedPnl: '0', lastPrice: '64000.00', updatedAt: '', side: 'SHORT', leverage: '5',
  liquidationPrice: '69000.00', funding: '-0.35' };
const MARKET = { base: 'BTC', quote: 'USDT', tickSize: '0.01', lotSize: '0.001', settle: 'USDT' };

function renderCard(bot: Bot, positions: Position[] = [SHORT]) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(keys.botPositions('b1'), positions);
  return render(<QueryClientProvider client={qc}><ToastProvider><MemoryRouter>
    <BotCard bot={bot} market={MARKET} />
  </MemoryRouter></ToastProvider></QueryClientProvider>);
}

describe('bot card of a perpetual bot', () => {
  it('shows leverage, margin mode and the short position with its liquidation warning and funding', () => {
    renderCard(BOT);
    expect(screen.getByTestId('bot-leverage')).toHaveTextContent('Perpetual 5× Isolated');
    const summary = screen.getByTestId('position-summary');
    expect(within(summary).getByText('SHORT')).toHaveAttribute('data-side', 'SHORT');
    expect(summary).toHaveTextContent('0.010 BTC');
    expect(summary).not.toHaveTextContent('-0.010');
    // 64,000 is 7.2 % under 69,000
    expect(summary.querySelector('[data-near-liquidation]')).toHaveAttribute('data-near-liquidation', 'true');
    expect(summary).toHaveTextContent('funding -0.35 USDT');
  });

  it('shows neither for a spot bot', () => {
    renderCard({ ...BOT, exchange: 'sim', leverage: null, marginMode: null });
    expect(screen.queryByTestId('bot-leverage')).toBeNull();
    expect(screen.queryByTestId('position-summary')).toBeNull();
  });
});
