import { expect, test, type Page } from '@playwright/test';
import { shot, signedIn } from './support';

// A Freqtrade config.json as a user pastes it: three BTC pairs from the shipped datasets sharing one wallet and two
// slots, an ROI table, a stoploss, a cooldown protection (enabled), a timerange inside the data (2018-01-10..30).
const CONFIG = {
  stake_currency: 'BTC', stake_amount: 'unlimited', max_open_trades: 2, dry_run_wallet: 1, fee: 0.001, timeframe: '5m',
  timerange: '20180112-20180128', stoploss: -0.1, minimal_roi: { 0: 0.02, 60: 0.01, 240: 0 },
  protections: [{ method: 'CooldownPeriod', stop_duration_candles: 3 }], enable_protections: true,
  exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC', 'XMR/BTC'] }, strategy: 'rsi',
};

async function importConfig(page: Page, config: object) {
  await page.locator('#pf-config').fill(JSON.stringify(config));
  await page.getByRole('button', { name: 'Fill the form' }).click();
}

async function runAndWait(page: Page) {
  await page.getByRole('button', { name: 'Run portfolio backtest' }).click();
  await expect(page.getByTestId('backtest-status')).toHaveText('DONE', { timeout: 150_000 });
}

test('portfolio backtest from a Freqtrade config: a bad key is named, the report, then two runs compared', async ({ page, request }) => {
  await signedIn(page, request, 'portfolio-backtest');
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click();
  await page.getByRole('button', { name: 'Portfolio (Freqtrade config)' }).click();

  // a typo the form cannot show is sent as imported; the server names it next to the pasted config
  await importConfig(page, { ...CONFIG, telegramm: { enabled: false } });
  await expect(page.locator('#pf-max_open_trades')).toHaveValue('2');
  await expect(page.getByLabel('minimal_roi row 2 minutes')).toHaveValue('60');
  await expect(page.locator('#pf-enable_protections')).toBeChecked();
  await page.getByRole('button', { name: 'Run portfolio backtest' }).click();
  await expect(page.locator('[data-field-error="pf-config"]')).toContainText('telegramm');

  // the same config without it runs
  await importConfig(page, CONFIG);
  await runAndWait(page);
  const report = page.getByTestId('portfolio-result');
  await expect(report.getByTestId('run-pairs')).toContainText('XMR/BTC');
  await expect(report.getByRole('heading', { name: 'Summary metrics' })).toBeVisible();
  await expect(report.locator('[data-metric="total_trades"]')).toHaveText(/^\d+$/);
  await expect(report.locator('[data-metric="max_relative_drawdown"]')).toHaveText(/%$/);
  const perPair = report.getByRole('table', { name: 'Per pair' });
  for (const pair of ['LTC/BTC', 'ETC/BTC', 'XMR/BTC']) await expect(perPair.getByRole('cell', { name: pair, exact: true })).toBeVisible();
  // the ROI table and the enabled cooldown acted: ROI exits, and each exit locked its pair for 3 candles
  await expect(report.getByRole('table', { name: 'Exit reasons' }).getByRole('cell', { name: 'roi', exact: true })).toBeVisible();
  await expect(report.getByRole('heading', { name: /^Protection locks \([1-9]\d*\)$/ })).toBeVisible();
  await expect(report.getByRole('img', { name: 'Equity' })).toBeVisible();
  await expect(report.getByRole('img', { name: 'Drawdown' })).toBeVisible();
  await expect(report.getByRole('list', { name: 'Profit per pair' }).getByRole('listitem')).toHaveCount(3);
  await expect(report.getByRole('heading', { name: /^Trades \(\d+\)$/ })).toBeVisible();
  await shot(page, '18-backtest-portfolio');

  // a second run with one slot, then both side by side
  await page.locator('#pf-max_open_trades').fill('1');
  await runAndWait(page);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const runs = page.getByRole('table', { name: 'Stored runs' });
  await expect(runs.getByRole('row').filter({ hasText: '(config)' }).filter({ hasText: 'DONE' })).toHaveCount(2);
  for (const box of await runs.getByRole('row').filter({ hasText: '(config)' }).getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Compare (2)' }).click();
  const comparison = page.getByRole('table', { name: 'Run comparison' });
  await expect(comparison.getByRole('columnheader')).toHaveCount(3);
  await expect(comparison.getByRole('row').filter({ hasText: 'total_trades' }).getByRole('cell')).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'Equity curves' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Equity curves legend' }).getByRole('listitem')).toHaveCount(2);
  await shot(page, '19-backtest-compare');
});
