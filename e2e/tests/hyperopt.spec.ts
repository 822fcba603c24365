import { expect, test } from '@playwright/test';
import { dismissToasts, shot, signedIn } from './support';

// A small optimisation over the shipped datasets: two BTC pairs, two days of 5m candles, one wallet.
const CONFIG = {
  stake_currency: 'BTC', stake_amount: 0.1, dry_run_wallet: 1, max_open_trades: 2, fee: 0.001, timeframe: '5m',
  timerange: '20180120-20180122', exchange: { name: 'binance', pair_whitelist: ['LTC/BTC', 'ETC/BTC'] }, strategy: 'rsi',
};

test('optimise an rsi config from the dashboard, watch it finish, apply the best parameters to a stopped bot', async ({ page, request }) => {
  const token = await signedIn(page, request, 'hyperopt');
  const auth = { Authorization: `Bearer ${token}` };
  // a stopped paper rsi bot whose period (30) lies outside the range searched (8..20): the apply must change it
  const created = await request.post('/api/v1/bots', { headers: auth, data: {
    name: 'e2e tuned rsi', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'rsi', mode: 'PAPER', config: { rsiPeriod: 30 },
  } });
  expect(created.status(), await created.text()).toBe(201);
  const bot = await created.json();
  expect(bot.status).toBe('STOPPED');

  await page.goto('/');
  await page.getByRole('link', { name: 'Backtest' }).click();
  await page.getByRole('button', { name: 'Optimise (hyperopt)' }).click();
  await page.locator('#pf-config').fill(JSON.stringify(CONFIG));
  await page.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.locator('#pf-max_open_trades')).toHaveValue('2');

  // spaces params + roi; rsiPeriod searched in 8..20; 20 epochs
  const spaces = page.getByRole('group', { name: 'Spaces' });
  await spaces.getByLabel('stoploss').uncheck();
  await expect(spaces.getByLabel('roi')).toBeChecked();
  await expect(spaces.getByLabel('params')).toBeChecked();
  await page.getByLabel('search rsiPeriod').check();
  await page.getByLabel('rsiPeriod from').fill('8');
  await page.getByLabel('rsiPeriod to').fill('20');
  await page.getByLabel('Loss function').selectOption('OnlyProfitHyperOptLoss');
  await page.getByLabel('Epochs').fill('20');
  await page.getByRole('button', { name: 'Start optimisation' }).click();

  const run = page.getByTestId('hyperopt-run');
  await expect(run.getByTestId('hyperopt-status')).toHaveText('DONE', { timeout: 150_000 });
  await expect(run.getByTestId('hyperopt-epochs')).toHaveText('20 / 20 epochs');
  await expect(run.getByRole('progressbar', { name: 'Epochs done' })).toHaveAttribute('aria-valuenow', '20');
  const best = run.getByTestId('hyperopt-best');
  await expect(best.getByRole('heading', { name: 'Best epoch', exact: true })).toBeVisible();
  await expect(best.locator('[data-block="minimal_roi"]')).toContainText('"0"');
  const shown = JSON.parse(await best.locator('[data-block="params"]').textContent() ?? '{}') as Record<string, unknown>;
  expect(Number(shown.rsiPeriod)).toBeGreaterThanOrEqual(8);
  expect(Number(shown.rsiPeriod)).toBeLessThanOrEqual(20);
  await expect(run.getByRole('table', { name: 'Best epochs' }).getByRole('row')).toHaveCount(21); // header + 20 epochs
  // the run is in the list of past runs
  await expect(page.getByRole('table', { name: 'Past optimisations' }).getByRole('row').filter({ hasText: 'DONE' })).toHaveCount(1);

  const apply = run.getByTestId('hyperopt-apply');
  await expect(apply.getByLabel('Bot')).toHaveValue(String(bot.id));
  await apply.getByRole('button', { name: 'Apply best parameters' }).click();
  const link = apply.getByRole('link', { name: 'e2e tuned rsi' });
  await expect(link).toBeVisible();
  await dismissToasts(page);
  await shot(page, '25-hyperopt');

  // the bot now holds the best parameters shown
  const after = await request.get(`/api/v1/bots/${bot.id}`, { headers: auth });
  const config = (await after.json()).config as Record<string, unknown>;
  for (const [name, value] of Object.entries(shown)) expect(String(config[name]), name).toBe(String(value));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/bots/${bot.id}$`));
});
