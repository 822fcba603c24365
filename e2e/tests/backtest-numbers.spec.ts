import { expect, test } from '@playwright/test';
import { dismissToasts, numberOf, shot, shotName, signedIn } from './support';

// A finished run's numbers must agree with each other and with its trade table (desktop and phone).
test('a backtest result agrees with itself: trade count, win rate, net profit, final position', async ({ page, request }, info) => {
  await signedIn(page, request, `btnum-${info.project.name}`);
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click();
  await expect(page.getByRole('heading', { name: 'Backtest' })).toBeVisible();
  await page.locator('#bt-strategy').selectOption('rsi');
  await page.locator('#bt-dataset').selectOption('LTC_BTC-5m');
  const queued = page.waitForResponse((r) => r.url().endsWith('/api/v1/backtests') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  const run = await (await queued).json();
  await expect(page.getByTestId('backtest-status')).toHaveText('DONE', { timeout: 150_000 });

  const result = page.getByTestId('backtest-result');
  const rows = result.getByTestId('backtest-trades').locator('tbody tr');
  await expect(rows.first()).toBeAttached();
  const table = await rows.evaluateAll((trs) => trs.map((tr) => ({
    open: tr.getAttribute('data-testid') === 'open-row',
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
  })));
  const closed = table.filter((r) => !r.open);
  const open = table.find((r) => r.open);
  const pnl = (r: { cells: string[] }) => numberOf(r.cells[8]);
  expect(closed.length).toBeGreaterThan(0);

  // trade count = rows of closed trades
  expect(numberOf(await result.getByTestId('bt-trades').textContent())).toBe(closed.length);
  await expect(result.getByRole('heading', { name: `Trades (${closed.length})` })).toBeVisible();

  // win rate = won / closed
  const won = closed.filter((r) => pnl(r) > 0).length;
  const rate = numberOf(await result.getByTestId('bt-win-rate').textContent());
  expect(Math.abs(rate - (100 * won) / closed.length)).toBeLessThanOrEqual(0.005 + 1e-9);

  // net profit = closed trades' pnl + the open position's unrealized pnl, within the 8-decimal rounding of each
  const sum = closed.reduce((s, r) => s + pnl(r), 0) + (open ? pnl(open) : 0);
  const net = numberOf(await result.getByTestId('bt-net-profit').textContent());
  expect(Number.isFinite(net)).toBe(true);
  expect(Math.abs(net - sum)).toBeLessThanOrEqual(1e-8 * (table.length + 2));
  await expect(result.getByText(/^The net profit/)).toHaveCount(0); // no disagreement reported

  // the final position is shown: its quantity, or flat
  const final = result.getByTestId('bt-final-position');
  if (open) {
    await expect(final).toHaveText(open.cells[4].trim());
    await expect(result.getByTestId('open-position')).toContainText(open.cells[4].trim());
  } else {
    await expect(final).toHaveText('flat');
    await expect(result.getByTestId('open-position')).toHaveCount(0);
  }
  await expect(result.getByRole('img', { name: /^LTC\/BTC (candles and trades|trades)$/ })).toBeVisible();

  // Where the server reports them, the open position and the candles are the result's own
  const token = await page.evaluate(() => localStorage.getItem('botfleet.token'));
  const full = (await (await request.get(`/api/v1/backtests/${run.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()).result;
  if (full.openPosition !== undefined) {
    expect(Boolean(full.openPosition)).toBe(Boolean(open));
    if (full.openPosition) {
      expect(numberOf(await result.getByTestId('bt-unrealized').textContent())).toBeCloseTo(Number(full.openPosition.unrealizedPnl), 8);
      expect(numberOf(open!.cells[4])).toBeCloseTo(Number(full.openPosition.quantity), 8);
    }
  }
  if (Array.isArray(full.prices) && full.prices.length > 0) {
    await expect(result.getByRole('img', { name: 'LTC/BTC candles and trades' })).toHaveAttribute('data-bars', String(full.prices.length));
  }
  await dismissToasts(page);
  await shot(page, shotName('14-backtest-result', info.project.name));
});
