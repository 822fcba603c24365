import React from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POLL_MS, useHyperopt } from '../../api/hyperopts';
import { json } from '../../testing/fakes';
import { HyperoptRunView } from './HyperoptRunView';
import { PastRuns } from './PastRuns';

const BEST = { strategy: 'RSI', loss_function: 'SharpeHyperOptLoss', epoch: 7, loss: -1.23456789, trades: 12, wins: 8,
  profit_total_abs: 0.00123456, profit_total: 0.0123, params: { rsiPeriod: 12, oversold: 27.5 },
  minimal_roi: { 0: 0.05, 30: 0.02, 90: 0 }, stoploss: -0.08 };
const run = (over: object) => ({ id: 'h1', status: 'RUNNING', strategy: 'rsi', epochsDone: 3, epochsTotal: 10, best: BEST,
  trials: null, request: { spaces: ['roi', 'stoploss', 'params'], loss: 'SharpeHyperOptLoss' }, error: null,
  createdAt: '2026-12-03T10:00:00Z', startedAt: null, finishedAt: null, ...over });
const DONE = run({ status: 'DONE', epochsDone: 10, trials: [BEST, { ...BEST, epoch: 3, loss: 100000, trades: 0, params: { rsiPeriod: 40, oversold: 10 } }] });
const bot = (id: string, name: string, strategy: string, status: string) =>
  ({ id, name, strategy, status, exchange: 'sim', symbol: 'BTC/USDT', mode: 'PAPER', config: {} });
const BOTS = { items: [bot('b1', 'tuned', 'rsi', 'STOPPED'), bot('b2', 'busy', 'rsi', 'ACTIVE'), bot('b3', 'other', 'scalper', 'STOPPED')],
  page: 0, size: 100, total: 3 };

type Route = (url: string, init?: RequestInit) => Response | undefined;
function server(route: Route) {
  const calls: { url: string; method: string; body?: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return route(url, init) ?? (url === '/api/v1/bots?size=100' ? json(BOTS) : json({ status: 404, detail: url }, 404));
  }));
  return calls;
}

function Followed({ id }: { id: string }) {
  const q = useHyperopt(id);
  return q.data ? <HyperoptRunView run={q.data} /> : null;
}

function show(ui: React.ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={qc}><MemoryRouter>{ui}</MemoryRouter></QueryClientProvider>);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('A hyperopt run', () => {
  it('is polled while it runs, shows the best so far, and is no longer asked for once DONE', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answers = [run({}), DONE];
    const calls = server((url) => (url === '/api/v1/hyperopts/h1' ? json(answers.length > 1 ? answers.shift() : answers[0]) : undefined));
    show(<Followed id="h1" />);
    expect((await screen.findByTestId('hyperopt-epochs')).textContent).toBe('3 / 10 epochs');
    expect(screen.getByRole('progressbar', { name: 'Epochs done' }).getAttribute('aria-valuenow')).toBe('3');
    const best = screen.getByTestId('hyperopt-best');
    expect(within(best).getByRole('heading', { level: 2 }).textContent).toBe('Best epoch so far');
    expect(JSON.parse(best.querySelector('[data-block="params"]')!.textContent!)).toEqual({ rsiPeriod: 12, oversold: 27.5 });
    expect(JSON.parse(best.querySelector('[data-block="minimal_roi"]')!.textContent!)).toEqual({ 0: 0.05, 30: 0.02, 90: 0 });
    expect(best.querySelector('[data-block="stoploss"]')!.textContent).toBe('-0.08');
    expect(best.querySelector('[data-block="trailing"]')).toBeNull();
    expect(best.querySelector('[data-best="loss"]')!.textContent).toBe('-1.23457');
    expect(best.querySelector('[data-best="profit"]')!.textContent).toBe('0.00123456 (1.23 %)');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();

    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect((await screen.findByTestId('hyperopt-status')).textContent).toBe('DONE');
    const polls = () => calls.filter((c) => c.url === '/api/v1/hyperopts/h1').length;
    const atDone = polls();
    expect(atDone).toBe(2);
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(polls()).toBe(atDone);
    // finished: no Cancel, the best epochs' table, best first
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    const rows = within(screen.getByRole('table', { name: 'Best epochs' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstElementChild!.textContent)).toEqual(['7', '3']);
    expect(rows[1].textContent).toContain('100000 (too few trades)');
  });

  it('can be cancelled: the answer replaces the run shown', async () => {
    const calls = server((url, init) => {
      if (url === '/api/v1/hyperopts/h1/cancel' && init?.method === 'POST') return json(run({ status: 'CANCELLED', epochsDone: 4 }));
      if (url === '/api/v1/hyperopts/h1') return json(run({}));
      if (url.startsWith('/api/v1/hyperopts?')) return json({ items: [], page: 0, size: 20, total: 0 });
      return undefined;
    });
    show(<Followed id="h1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect((await screen.findByTestId('hyperopt-status')).textContent).toBe('CANCELLED');
    expect(screen.getByTestId('hyperopt-epochs').textContent).toBe('4 / 10 epochs');
    expect(calls.some((c) => c.url === '/api/v1/hyperopts/h1/cancel')).toBe(true);
  });

  it('is reopened from the list of past runs and its best applied to a stopped bot of its strategy', async () => {
    const calls = server((url, init) => {
      if (url.startsWith('/api/v1/hyperopts?')) return json({ items: [DONE], page: 0, size: 20, total: 1 });
      if (url === '/api/v1/hyperopts/h1/apply' && init?.method === 'POST') return json({ ...bot('b1', 'tuned', 'rsi', 'STOPPED'), config: BEST.params });
      if (url === '/api/v1/hyperopts/h1') return json(DONE);
      return undefined;
    });
    function Page() {
      const [id, setId] = React.useState<string | null>(null);
      return <>{id && <Followed id={id} />}<PastRuns current={id} onOpen={setId} /></>;
    }
    show(<Page />);
    const past = await screen.findByRole('table', { name: 'Past optimisations' });
    expect(within(past).getAllByRole('row')[1].textContent).toContain('roi, stoploss, params');
    await userEvent.click(within(past).getByRole('button', { name: 'Open' }));
    const apply = await screen.findByTestId('hyperopt-apply');
    // only the STOPPED bots of the run's strategy can receive its parameters
    const options = await within(apply).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['tuned (BTC/USDT, PAPER)']);
    await userEvent.click(within(apply).getByRole('button', { name: 'Apply best parameters' }));
    const link = await within(apply).findByRole('link', { name: 'tuned' });
    expect(link.getAttribute('href')).toBe('/bots/b1');
    expect(calls.filter((c) => c.url === '/api/v1/hyperopts/h1/apply').map((c) => c.body)).toEqual([{ botId: 'b1' }]);
  });

  it('shows the server\'s reason when the bot cannot take the parameters', async () => {
    server((url, init) => {
      if (url === '/api/v1/hyperopts/h1/apply' && init?.method === 'POST') {
        return json({ status: 409, title: 'Conflict', detail: 'Bot \'tuned\' is ACTIVE; stop it first' }, 409);
      }
      if (url === '/api/v1/hyperopts/h1') return json(DONE);
      return undefined;
    });
    show(<Followed id="h1" />);
    const apply = await screen.findByTestId('hyperopt-apply');
    await within(apply).findByRole('option');
    await userEvent.click(within(apply).getByRole('button', { name: 'Apply best parameters' }));
    expect((await within(apply).findByRole('alert')).textContent).toBe('Not applied: Bot \'tuned\' is ACTIVE; stop it first');
    expect(within(apply).queryByRole('link')).toBeNull();
  });
});
