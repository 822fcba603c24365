import { expect, test, type Page } from '@playwright/test';
import { around, shot, signedIn } from './support';

async function openNewBotForm(page: Page): Promise<string> {
  await page.goto('/bots/new');
  await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();
  await page.locator('#exchange').selectOption('sim');
  await page.locator('#symbol').fill('BTC/USDT');
  await page.locator('#strategy').selectOption('scalper');
  const ltp = page.getByTestId('ltp');
  await expect(ltp).toHaveText(/^\d{1,3}(,\d{3})*(\.\d+)? USDT$/); // at the tick, grouped, with its unit
  const price = (await ltp.textContent())!.trim().replace(/ USDT$/, '').replace(/,/g, '');
  // The form defaults buy and sell to LTP x 0.98 and x 1.02 at the LTP's precision (the LTP ticks on meanwhile).
  const decimals = price.split('.')[1]?.length ?? 0;
  const pattern = new RegExp(`^\\d+${decimals ? `\\.\\d{${decimals}}` : ''}$`);
  await expect(page.locator('#param-buyPrice')).toHaveValue(pattern);
  const buy = Number(await page.locator('#param-buyPrice').inputValue());
  const sell = Number(await page.locator('#param-sellPrice').inputValue());
  expect(buy / Number(price)).toBeGreaterThan(0.97);
  expect(buy / Number(price)).toBeLessThan(0.99);
  expect(sell / Number(price)).toBeGreaterThan(1.01);
  expect(sell / Number(price)).toBeLessThan(1.03);
  return price;
}

test('a bad input shows the server\'s field error next to its field', async ({ page, request }) => {
  await signedIn(page, request, 'badinput');
  // No LTP needed here: explicit prices, the sell below the buy, which only the server's rule rejects.
  await page.goto('/bots/new');
  await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();
  await page.locator('#exchange').selectOption('sim');
  await page.locator('#symbol').fill('BTC/USDT');
  await page.locator('#strategy').selectOption('scalper');
  await page.locator('#name').fill('e2e bad scalper');
  await page.locator('#param-quantity').fill('0.001');
  await page.locator('#param-buyPrice').fill('64000.00');
  await page.locator('#param-sellPrice').fill('63000.00');
  await page.getByRole('button', { name: 'Create bot' }).click();

  const error = page.locator('[data-field-error="param-sellPrice"]');
  await expect(error).toContainText('must be greater than buyPrice');
  await expect(page.locator('#param-sellPrice')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '03-bot-form-field-error');
  await expect(page).toHaveURL(/\/bots\/new$/);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('stat-total')).toHaveText('0'); // nothing was created
});

test('create a scalper on sim BTC/USDT, start it, see a fill arrive live, stop and delete it', async ({ page, request }) => {
  const token = await signedIn(page, request, 'lifecycle');
  await page.goto('/');
  await expect(page.getByTestId('stat-total')).toHaveText('0');
  await expect(page.getByText('No bots yet.')).toBeVisible();
  await expect(page.locator('[data-connection="open"]')).toBeVisible(); // the event stream is connected
  const ltp = await openNewBotForm(page);
  await shot(page, '02-bot-form');

  await page.locator('#name').fill('e2e scalper');
  // The quantity buttons step by the lot, scaled up until a step is worth the minimum notional (e.g. +0.0001).
  const plus = page.getByRole('group', { name: 'Quantity adjustments' }).getByRole('button', { name: /^Quantity \+/ }).first();
  const unit = (await plus.getAttribute('aria-label'))!.replace('Quantity +', '');
  expect(unit).toMatch(/^0\.0*1$/);
  await plus.click();
  await expect(page.locator('#param-quantity')).toHaveValue(new RegExp(`^${unit.replace('.', '\\.')}0*$`)); // at the lot's decimals
  await page.getByRole('button', { name: `Quantity -${unit}`, exact: true }).click();
  await expect(page.locator('#param-quantity')).toHaveValue(/^0(\.0+)?$/);
  await page.locator('#param-quantity').fill('0.001');
  // A buy limit a few tenths of a percent above the market is marketable: it fills on the next tick.
  await page.locator('#param-buyPrice').fill(around(ltp, 0.3));
  await page.locator('#param-sellPrice').fill(around(ltp, 0.6));
  await page.getByRole('button', { name: 'Create bot' }).click();

  await expect(page.getByRole('heading', { name: 'e2e scalper' })).toBeVisible();
  const botUrl = page.url();
  expect(botUrl).toMatch(/\/bots\/[^/]+$/);
  await expect(page.locator('[data-status="STOPPED"]')).toBeVisible();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('[data-status="ACTIVE"]')).toBeVisible();

  // The fill reaches the open page through the event stream: no reload, no navigation.
  await expect(page.getByText(/^e2e scalper: bought 0\.0010* BTC at \d{1,3}(,\d{3})*\.\d{2} USDT$/)).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('trades').locator('tbody tr').first()).toContainText('BUY');
  await expect(page.getByTestId('detail-fills')).not.toHaveText(/^(0|—)$/);
  await expect(page).toHaveURL(botUrl);
  await shot(page, '04-bot-detail');

  await page.reload(); // a client-side route survives a reload
  await expect(page.getByRole('heading', { name: 'e2e scalper' })).toBeVisible();

  await page.getByRole('link', { name: 'Home' }).click();
  const card = page.locator('[data-bot-card="e2e scalper"]');
  await expect(card.locator('[data-status="ACTIVE"]')).toBeVisible();
  await expect(card.getByTestId('bot-last-fill')).not.toHaveText('—');
  await expect(page.getByTestId('stat-active')).toHaveText('1');
  await shot(page, '05-home');

  await page.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByTestId('orders').locator('tbody tr').first()).toBeVisible();
  await shot(page, '06-orders');
  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByTestId('log-list').locator('li').first()).toBeVisible();
  await shot(page, '07-activity');

  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Toggle theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await shot(page, '08-home-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '09-home-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  await card.getByRole('button', { name: 'Stop' }).click();
  await expect(card.locator('[data-status="STOPPED"]')).toBeVisible();

  // Edit a stopped bot: the form opens with its saved config; a new name is saved.
  await card.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit e2e scalper' })).toBeVisible();
  await expect(page.locator('#param-quantity')).toHaveValue(/^0\.0010*$/);
  // "% of available balance" sizes from the bot's own paper account where the server has GET /bots/{id}/balances
  const editedId = page.url().split('/').at(-2)!;
  const balances = await request.get(`/api/v1/bots/${editedId}/balances`, { headers: { Authorization: `Bearer ${token}` } });
  if (balances.status() === 200) {
    const usdt = ((await balances.json()) as { asset: string; available: string }[]).find((b) => b.asset === 'USDT')!;
    const shown = Number(usdt.available).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await expect(page.getByText(`Available: ${shown} USDT (this bot's paper account, what its open orders do not hold)`)).toBeVisible();
  } else {
    await expect(page.getByText(/^Available: [\d,]+\.\d{2} USDT \(paper account: 10,000 start plus this bot's PnL\)$/)).toBeVisible();
  }
  await page.locator('#name').fill('e2e scalper renamed');
  await page.getByRole('button', { name: 'Save bot' }).click();
  await expect(page.getByRole('heading', { name: 'e2e scalper renamed' })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();

  const renamed = page.locator('[data-bot-card="e2e scalper renamed"]');
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText('Delete e2e scalper renamed?');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(renamed).toHaveCount(0);
  await expect(page.getByTestId('stat-total')).toHaveText('0');
});

test('cancel a resting order from the orders page', async ({ page, request }) => {
  const token = await signedIn(page, request, 'cancel');
  const auth = { Authorization: `Bearer ${token}` };
  const ltp = await request.get('/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT', { headers: auth });
  expect(ltp.status(), await ltp.text()).toBe(200);
  const price: string = (await ltp.json()).price;
  // Set up through the API (the form is covered above): a marketable buy, then an exit resting 1% above.
  const created = await request.post('/api/v1/bots', {
    headers: auth,
    data: { name: 'e2e cancel', exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
      config: { firstOrder: 'BUY', quantity: '0.001', buyPrice: around(price, 0.3), sellPrice: around(price, 1.3), infiniteLoop: false } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const bot = await created.json();
  const started = await request.post(`/api/v1/bots/${bot.id}/start`, { headers: auth });
  expect(started.status(), await started.text()).toBe(200);

  await page.goto('/orders?status=open');
  const sell = page.locator('[data-order-status]').filter({ hasText: 'SELL' }).first();
  await expect(sell).toBeVisible({ timeout: 90_000 }); // appears once the buy has filled
  await sell.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/^e2e cancel: order .* cancelled$/)).toBeVisible(); // the toast names the bot

  await page.getByLabel('Status filter').selectOption('closed');
  await expect(page.locator('[data-order-status="CANCELED"]').filter({ hasText: 'SELL' })).toBeVisible();
});
