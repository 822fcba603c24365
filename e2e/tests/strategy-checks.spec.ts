import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot, signedIn } from './support';

// The example config the docs run from the command line: six BTC pairs of the shipped datasets, rsi with its params.
const EXAMPLE = readFileSync(new URL('../../docs/examples/portfolio-config.json', import.meta.url), 'utf8');
const PAIRS = ['LTC/BTC', 'ETC/BTC', 'XLM/BTC', 'ADA/BTC', 'TRX/BTC', 'XMR/BTC'];

test('strategy checks on the example config: lookahead per pair, then the recursive table', async ({ page, request }) => {
  await signedIn(page, request, 'strategy-checks');
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click();
  await page.getByRole('button', { name: 'Strategy checks' }).click();
  await page.locator('#pf-config').fill(EXAMPLE);
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.locator('#param-rsiPeriod')).toHaveValue('7');

  await page.getByLabel('Targeted trade amount').fill('10');
  await page.getByRole('button', { name: 'Run lookahead check' }).click();
  const lookahead = page.getByTestId('lookahead-result');
  // rsi reads only past candles: every pair's signals re-record the same on cut data
  await expect(lookahead.getByTestId('check-headline')).toHaveText(/^No lookahead bias found in [1-9]\d* signals$/, { timeout: 60_000 });
  const rows = lookahead.getByRole('table', { name: 'Lookahead per pair' }).getByRole('row');
  await expect(rows).toHaveCount(PAIRS.length + 1);
  for (const pair of PAIRS) {
    const row = rows.filter({ has: page.getByRole('cell', { name: pair, exact: true }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText('no');
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^[1-9]\d*$/); // signals checked
  }
  // the headline's count is the rows' sum
  const counts = await Promise.all(PAIRS.map((pair) => rows.filter({ has: page.getByRole('cell', { name: pair, exact: true }) })
    .getByRole('cell').nth(2).textContent()));
  await expect(lookahead.getByTestId('check-headline')).toHaveText(`No lookahead bias found in ${counts.reduce((n, c) => n + Number(c), 0)} signals`);
  await shot(page, '22-strategy-checks');

  // a count the data cannot hold is named next to the counts field
  await page.getByRole('button', { name: 'Recursive (startup candles)' }).click();
  await page.getByLabel('Startup candle counts').fill('30 100 100000');
  await page.getByRole('button', { name: 'Run recursive check' }).click();
  await expect(page.locator('[data-field-error="ck-startupCandles"]')).toContainText('100000');

  await page.getByLabel('Startup candle counts').fill('30 100 400');
  await page.getByRole('button', { name: 'Run recursive check' }).click();
  const recursive = page.getByTestId('recursive-result');
  await expect(recursive.getByTestId('check-headline')).toBeVisible({ timeout: 60_000 });
  for (const pair of PAIRS) {
    const table = recursive.getByRole('table', { name: `Startup candles ${pair}` });
    await expect(table.getByRole('columnheader')).toHaveText(['Indicator', '30', '100', '400']);
    await expect(table.getByRole('row').filter({ hasText: 'rsi' })).toHaveCount(1);
  }
  await expect(recursive.getByTestId('startup-advice')).toHaveCount(PAIRS.length);
});

/** A config run through the API, finished: the run's id and its result. */
async function storedRun(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  const created = await request.post('/api/v1/backtests', { headers, data: { config: JSON.parse(EXAMPLE) } });
  expect(created.status(), await created.text()).toBe(202);
  const { id } = await created.json();
  let run: { status: string; result: { result: { report: { summary: { totalTrades: number } } } } } | undefined;
  await expect.poll(async () => {
    run = await (await request.get(`/api/v1/backtests/${id}`, { headers })).json();
    return run!.status;
  }, { timeout: 150_000, intervals: [1_000] }).toBe('DONE');
  return { id: String(id), run: run! };
}

test('a stored config run\'s full report reopens from the stored runs', async ({ page, request }) => {
  const token = await signedIn(page, request, 'reopen-report');
  const { id, run } = await storedRun(request, token);
  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click();
  await page.getByRole('button', { name: `Open report of run ${id}` }).click();
  const report = page.getByRole('region', { name: 'Stored run report' });
  await expect(report.getByTestId('backtest-status')).toHaveText('DONE');
  for (const pair of PAIRS) await expect(report.getByTestId('run-pairs')).toContainText(pair);
  await expect(report.getByRole('heading', { name: 'Summary metrics' })).toBeVisible();
  // the numbers are the stored run's, as the API gives them
  const trades = run.result.result.report.summary.totalTrades;
  await expect(report.locator('[data-metric="total_trades"]')).toHaveText(String(trades));
  await expect(report.getByRole('table', { name: 'Per pair' })).toBeVisible();
  await expect(report.getByRole('img', { name: 'Equity' })).toBeVisible();
  await expect(report.getByRole('heading', { name: `Trades (${trades})` })).toBeVisible();
  await shot(page, '23-backtest-reopened-report');
});
