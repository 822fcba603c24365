import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support';

test('run a backtest: a bad fee is named, then a run reports progress, metrics, equity and trades', async ({ page, request }) => {
  await signedIn(page, request, 'backtest');
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click(); // the entry exists because the server has the API
  await expect(page.getByRole('heading', { name: 'Backtest' })).toBeVisible();

  await page.locator('#bt-strategy').selectOption('rsi');
  await page.locator('#bt-dataset').selectOption('LTC_BTC-5m');
  await page.locator('#bt-fee').fill('0.5');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.locator('[data-field-error="bt-fee"]')).toContainText('must be between 0 and 0.1');

  await page.locator('#bt-fee').fill('0.001');
  await page.getByRole('button', { name: 'Run backtest' }).click();
  await expect(page.getByTestId('backtest-status')).toHaveText('DONE', { timeout: 120_000 });
  const result = page.getByTestId('backtest-result');
  await expect(result.getByRole('heading', { name: 'Metrics' })).toBeVisible();
  await expect(result.getByText('Net profit', { exact: true })).toBeVisible();
  await expect(result.getByRole('img', { name: 'Equity curve' })).toBeVisible();
  await expect(result.getByRole('heading', { name: /^Trades \(\d+\)$/ })).toBeVisible();
  await shot(page, '10-backtest');
});

test('a walk-forward from the backtest form shows one row per fold asked for', async ({ page, request }) => {
  await signedIn(page, request, 'walkforward');
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click();
  await page.locator('#bt-strategy').selectOption('rsi');
  await page.locator('#bt-dataset').selectOption('LTC_BTC-5m');
  await page.getByRole('checkbox', { name: 'Sweep / walk-forward' }).check();
  await page.getByLabel('Sweep rsiPeriod').fill('10:20:5');
  await page.getByLabel('Rank by').selectOption('totalReturn');
  await page.getByRole('checkbox', { name: /^Walk-forward/ }).check();
  await page.getByLabel('Folds').fill('3');
  await page.getByRole('button', { name: 'Run backtest' }).click();

  const result = page.getByTestId('sweep-result');
  await expect(result.getByTestId('backtest-status')).toHaveText('DONE', { timeout: 60_000 });
  const folds = result.getByRole('table', { name: 'Walk-forward folds' });
  await expect(folds.locator('tbody tr')).toHaveCount(3);
  await expect(folds.locator('tbody tr').first()).toContainText('rsiPeriod=');
  await expect(result.getByLabel('Out-of-sample totals')).toContainText('of 3');
  await shot(page, '24-walk-forward');
});
