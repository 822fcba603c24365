import { expect, test, type Page } from '@playwright/test';
import { around, dismissToasts, shot, signedIn } from './support';

// Perpetual futures on sim_perp (Simulated perpetuals, paper only, max leverage 50): the bot form's leverage and
// margin mode, a scalper that sells first (a short), and the server's refusal of a leverage above the maximum.

async function openPerpetualForm(page: Page) {
  await page.goto('/bots/new');
  await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();
  await expect(page.locator('#exchange option[value="sim_perp"]')).toHaveText(/^Simulated perpetuals — Perpetual, paper only$/);
  await page.locator('#exchange').selectOption('sim_perp');
  await page.locator('#symbol').fill('BTC/USDT');
  await page.locator('#strategy').selectOption('scalper');
  await expect(page.getByTestId('perpetual-facts')).toHaveText('Perpetual contract · settles in USDT · max 50×');
  await expect(page.locator('#leverage')).toHaveValue('1');
  await expect(page.locator('#marginMode')).toHaveValue('ISOLATED');
  await expect(page.getByTestId('hint-firstOrder')).toContainText('SELL opens a short');
}

test('a paper scalper that shorts BTC/USDT on sim_perp at 5×: leverage in the form, the bot page and the position', async ({ page, request }) => {
  const token = await signedIn(page, request, 'futures');
  await openPerpetualForm(page);
  const ltp = page.getByTestId('ltp');
  await expect(ltp).toHaveText(/^\d{1,3}(,\d{3})*(\.\d+)? USDT$/);
  const price = (await ltp.textContent())!.trim().replace(/ USDT$/, '').replace(/,/g, '');

  await page.locator('#name').fill('e2e short');
  await page.locator('#param-firstOrder').selectOption('SELL');
  await page.locator('#param-quantity').fill('0.001');
  // The first order sells at sellPrice: 1% under the market it is marketable and fills on the next print; the
  // buy-back rests 3% under the market.
  await page.locator('#param-sellPrice').fill(around(price, -1));
  await page.locator('#param-buyPrice').fill(around(price, -3));

  // above the maximum: refused in the browser, in the server's words, nothing sent
  await page.locator('#leverage').fill('500');
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.locator('[data-field-error="leverage"]')).toHaveText('is above the maximum 50 of BTC/USDT');
  await expect(page).toHaveURL(/\/bots\/new$/);

  await page.getByRole('group', { name: 'Leverage quick picks' }).getByRole('button', { name: '5×' }).click();
  await expect(page.locator('#leverage')).toHaveValue('5');
  await expect(page.locator('[data-field-error="leverage"]')).toHaveCount(0);
  await shot(page, '16-futures-bot-form');
  await page.getByRole('button', { name: 'Create bot' }).click();

  await expect(page.getByRole('heading', { name: 'e2e short' })).toBeVisible();
  await expect(page.getByTestId('bot-leverage')).toHaveText('Perpetual 5× Isolated');
  const id = page.url().split('/').at(-1)!;
  const saved = await request.get(`/api/v1/bots/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(await saved.json()).toMatchObject({ exchange: 'sim_perp', leverage: '5', marginMode: 'ISOLATED', config: { firstOrder: 'SELL' } });

  // the edit form opens with the bot's leverage and margin mode
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit e2e short' })).toBeVisible();
  await expect(page.locator('#leverage')).toHaveValue('5');
  await expect(page.locator('#marginMode')).toHaveValue('ISOLATED');
  await page.goBack();

  // started, the marketable sell fills at once: the bot is short 0.001 BTC at 5×
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('[data-status="ACTIVE"]')).toBeVisible();
  const position = page.getByTestId('positions').locator('tbody tr').first();
  await expect(position).toHaveAttribute('data-position-side', 'SHORT');
  await expect(position.locator('[data-side="SHORT"]')).toBeVisible();
  await expect(position.getByTestId('position-size')).toHaveText(/^0\.0010* BTC$/);
  await expect(position.getByTestId('position-leverage')).toHaveText('5×');
  await expect(position.locator('[data-near-liquidation]')).toHaveText(/\d{1,3}(,\d{3})*\.\d{2} USDT$/);
  await expect(position.getByTestId('position-funding')).toHaveText(/USDT$/);
  await expect(page.getByTestId('trades').locator('tbody tr').last().locator('[data-effect]')).toHaveText('Open short');
  await dismissToasts(page);
  await shot(page, '17-futures-bot-detail');

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.locator('[data-status="STOPPED"]')).toBeVisible();
});

test('the server\'s refusal of a leverage above the maximum shows under the leverage field', async ({ page, request }) => {
  await signedIn(page, request, 'futures-bad');
  // The form checks the maximum itself; without one in the instrument list only the server can say no.
  await page.route('**/api/v1/exchanges', async (route) => {
    const response = await route.fetch();
    const venues = (await response.json()) as { id: string; symbols: { maxLeverage?: string | null }[] }[];
    for (const v of venues) if (v.id === 'sim_perp') for (const s of v.symbols) s.maxLeverage = null;
    await route.fulfill({ response, json: venues });
  });
  await page.goto('/bots/new');
  await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();
  await page.locator('#exchange').selectOption('sim_perp');
  await page.locator('#symbol').fill('BTC/USDT');
  await page.locator('#strategy').selectOption('scalper');
  await page.locator('#name').fill('e2e too much leverage');
  await page.locator('#param-quantity').fill('0.001');
  await page.locator('#param-buyPrice').fill('60000.00');
  await page.locator('#param-sellPrice').fill('70000.00');
  await page.locator('#leverage').fill('500');

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/bots') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Create bot' }).click();
  expect((await answer).status()).toBe(400);
  await expect(page.locator('[data-field-error="leverage"]')).toHaveText('is above the maximum 50 of BTC/USDT');
  await expect(page.locator('#leverage')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/bots\/new$/);
});
