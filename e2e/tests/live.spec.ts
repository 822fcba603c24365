import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedIn } from './support';

// A LIVE bot on Binance, where "Binance" is the fake E2eRunner starts (fakes' FakeVenueMain) and points the server at.
// The spec plays the rest of the market through the fake's test-only control API (/_fake/ on its REST port).
const FAKE = process.env.FAKE_BINANCE_REST;
const API_KEY = process.env.FAKE_BINANCE_API_KEY ?? '';
const API_SECRET = process.env.FAKE_BINANCE_API_SECRET ?? '';

interface FakeOrder {
  clientOrderId: string; side: 'BUY' | 'SELL'; price: string; status: string; executedQuantity: string;
  trades: { id: number; price: string; qty: string }[];
}

/** What every venue client order id of the bot starts with (exchanges' ClientIdCodec: its UUID in base64url + "x"). */
function venuePrefix(botId: string): string {
  return Buffer.from(botId.replace(/-/g, ''), 'hex').toString('base64url') + 'x';
}

async function fakeOrders(request: APIRequestContext, prefix: string): Promise<FakeOrder[]> {
  const r = await request.get(`${FAKE}/_fake/orders?prefix=${encodeURIComponent(prefix)}`);
  expect(r.status(), await r.text()).toBe(200);
  return (await r.json()).orders;
}

async function printTrade(request: APIRequestContext, price: string) {
  const r = await request.post(`${FAKE}/_fake/trade`, { data: { symbol: 'BTCUSDT', price, quantity: '1' } });
  expect(r.status(), await r.text()).toBe(200);
}

test.describe('live trading on the Binance fake', () => {
  test.skip(!FAKE, 'needs the Binance fake (E2eRunner starts it when given the fakes jar)');

  test('add the fake Binance key, create a LIVE scalper, see its orders fill both ways, stop it', async ({ page, request }) => {
    const token = await signedIn(page, request, 'live');
    const auth = { Authorization: `Bearer ${token}` };
    // the venue's instruments load in the background after the server starts
    await expect.poll(async () => {
      const r = await request.get('/api/v1/exchanges', { headers: auth });
      return ((await r.json()) as { id: string; status: string }[]).find((e) => e.id === 'binance')?.status;
    }, { timeout: 60_000 }).toBe('READY');

    // the API keys screen: the key is checked with the venue before it is stored
    await page.goto('/credentials');
    await expect(page.getByRole('heading', { name: 'Exchange API keys' })).toBeVisible();
    await page.locator('#key-exchange').selectOption('binance');
    await page.locator('#key-label').fill('e2e fake binance');
    await page.locator('#key-apiKey').fill(API_KEY);
    await page.locator('#key-apiSecret').fill(API_SECRET);
    await page.getByRole('button', { name: 'Add key' }).click();
    const key = page.locator('[data-credential="e2e fake binance"]');
    await expect(key).toBeVisible();
    await expect(key.getByText('can trade', { exact: true })).toBeVisible();
    await expect(key.getByText(/^Verified with Binance /)).toBeVisible();
    await expect(key.getByTestId('masked-key')).toHaveText(`****${API_KEY.slice(-4)}`);
    await expect(key.getByTestId('key-warnings')).toHaveCount(0); // the fake's key cannot withdraw

    // the bot form: Binance, BTC/USDT, LIVE with that key, prices either side of the fake's 50,000.00
    await page.goto('/bots/new');
    await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();
    await page.locator('#exchange').selectOption('binance');
    await page.locator('#symbol').fill('BTC/USDT');
    await page.locator('#strategy').selectOption('scalper');
    await page.locator('#mode').selectOption('LIVE');
    const keyOption = page.locator('#credentialId option', { hasText: 'e2e fake binance' });
    await expect(keyOption).toHaveCount(1);
    await page.locator('#credentialId').selectOption({ label: (await keyOption.textContent())! });
    await page.locator('#name').fill('e2e live scalper');
    await page.locator('#param-quantity').fill('0.001');
    await page.locator('#param-buyPrice').fill('49990.00');
    await page.locator('#param-sellPrice').fill('50010.00');
    await page.getByRole('button', { name: 'Create bot' }).click();

    // the last word: real money, naming the venue, the market and the key
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Trade with real money?');
    await expect(dialog).toContainText('e2e live scalper will place real orders on Binance for BTC/USDT with the key e2e fake binance');
    await dialog.getByRole('button', { name: 'Create live bot' }).click();

    await expect(page.getByRole('heading', { name: 'e2e live scalper' })).toBeVisible();
    await expect(page.locator('[data-status="STOPPED"]')).toBeVisible();
    const botId = page.url().split('/').at(-1)!;
    const prefix = venuePrefix(botId);

    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.locator('[data-status="ACTIVE"]')).toBeVisible();

    // the entry rests on the venue
    await expect.poll(async () => (await fakeOrders(request, prefix)).map((o) => `${o.side} ${o.price} ${o.status}`),
      { timeout: 30_000 }).toEqual(['BUY 49990.00 NEW']);

    // someone sells below it: the buy fills, and the fill reaches the open page through the event stream
    await printTrade(request, '49980.00');
    const trades = page.getByTestId('trades').locator('tbody tr');
    await expect(trades).toHaveCount(1, { timeout: 30_000 });
    await expect(trades.first()).toContainText('BUY');
    await expect(trades.first()).toContainText('49,990.00');

    // the exit rests on the venue; someone buys above it: the sell fills too
    await expect.poll(async () => (await fakeOrders(request, prefix)).map((o) => `${o.side} ${o.price} ${o.status}`),
      { timeout: 30_000 }).toEqual(['BUY 49990.00 FILLED', 'SELL 50010.00 NEW']);
    await printTrade(request, '50020.00');
    await expect(trades).toHaveCount(2, { timeout: 30_000 });
    await expect(trades.first()).toContainText('SELL');
    await expect(trades.first()).toContainText('50,010.00');

    // what the server booked is what the venue executed: the same trade ids, once each
    const venueTradeIds = (await fakeOrders(request, prefix)).flatMap((o) => o.trades.map((t) => String(t.id))).sort();
    const booked = await request.get(`/api/v1/bots/${botId}/trades`, { headers: auth });
    expect(((await booked.json()) as { tradeId: string }[]).map((t) => t.tradeId).sort()).toEqual(venueTradeIds);

    // the scalper loops: a new entry rests; stopping the bot cancels it on the venue
    await expect.poll(async () => (await fakeOrders(request, prefix)).filter((o) => o.status === 'NEW').length,
      { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.locator('[data-status="STOPPED"]')).toBeVisible();
    await expect.poll(async () => (await fakeOrders(request, prefix)).filter((o) => o.status === 'NEW' || o.status === 'PARTIALLY_FILLED').length,
      { timeout: 30_000 }).toBe(0);
  });
});
