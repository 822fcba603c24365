import { expect, test } from '@playwright/test';
import { around, shot, signedIn } from './support';

test('a paper bot that traded shows on the portfolio: its account, the exposure and an equity curve', async ({ page, request }) => {
  const token = await signedIn(page, request, 'portfolio');
  const auth = { Authorization: `Bearer ${token}` };
  const ltp = await request.get('/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT', { headers: auth });
  expect(ltp.status()).toBe(200);
  const price: string = (await ltp.json()).price;
  // a buy limit 1 % above the market is marketable: it fills on the next tick
  const created = await request.post('/api/v1/bots', { headers: auth, data: {
    name: 'e2e portfolio scalper', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
    config: { quantity: '0.001', buyPrice: around(price, 1), sellPrice: around(price, 3) },
  } });
  expect(created.status(), await created.text()).toBe(201);
  const bot: string = (await created.json()).id;
  expect((await request.post(`/api/v1/bots/${bot}/start`, { headers: auth })).status()).toBe(200);

  await expect.poll(async () => (await (await request.get(`/api/v1/bots/${bot}/trades`, { headers: auth })).json()).length,
    { timeout: 60_000 }).toBeGreaterThan(0);
  // the server runs the snapshot job every 2 s here (E2eRunner): wait for the bot's first equity point
  await expect.poll(async () => {
    const p = await (await request.get('/api/v1/portfolio?range=24h', { headers: auth })).json();
    return p.equity.total.length;
  }, { timeout: 60_000 }).toBeGreaterThan(0);

  await page.goto('/');
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Portfolio', exact: true })).toBeVisible();
  const account = page.getByTestId('portfolio-account').filter({ hasText: 'e2e portfolio scalper' });
  await expect(account).toBeVisible();
  await expect(account.getByText('PAPER')).toBeVisible();
  await expect(account.getByRole('table', { name: 'Balances of e2e portfolio scalper' })).toContainText('BTC');
  await expect(page.getByTestId('portfolio-total')).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2} USDT$/);
  await expect(page.getByRole('meter', { name: 'BTC share' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'USDT share' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Equity curve' })).toBeVisible();
  await expect(page.getByTestId('equity-points')).toHaveText(/^[1-9]\d* points?$/);
  await shot(page, '20-portfolio');

  // in BTC the account is worth a fraction of a coin
  await page.getByRole('combobox', { name: 'Quote currency' }).selectOption('BTC');
  await expect(page.getByTestId('portfolio-total')).toHaveText(/ BTC$/);
  await request.post(`/api/v1/bots/${bot}/stop`, { headers: auth });
});
