import { expect, test, type APIRequestContext } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { around, shot, signedIn } from './support';

/** A paper scalper on sim BTC/USDT whose orders rest far from the market; answers its id. */
async function paperBot(request: APIRequestContext, auth: Record<string, string>, name: string): Promise<string> {
  const ltp = (await (await request.get('/api/v1/price/ltp?exchange=sim&symbol=BTC/USDT', { headers: auth })).json()).price;
  const created = await request.post('/api/v1/bots', {
    headers: auth,
    data: { name, exchange: 'sim', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'PAPER',
      config: { quantity: '0.001', buyPrice: around(String(ltp), -20), sellPrice: around(String(ltp), 20) } },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).id;
}

test('notifications: choose alerts per channel, mute one bot, set the daily summary', async ({ page, request }) => {
  const token = await signedIn(page, request, 'notify');
  const auth = { Authorization: `Bearer ${token}` };
  const bot = await paperBot(request, auth, 'muted one');

  await page.goto('/notifications');
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const fillsByEmail = page.getByRole('checkbox', { name: 'Fills by Email (default)' });
  await expect(fillsByEmail).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Deals closed by Email (default)' })).toBeChecked();
  await fillsByEmail.check();
  await page.getByRole('checkbox', { name: 'Bot started by Telegram (default)' }).uncheck();
  await page.getByRole('combobox', { name: 'Summary hour' }).selectOption('8');
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berlin');
  await page.getByRole('combobox', { name: 'Bot', exact: true }).selectOption({ label: 'muted one' });
  await page.getByRole('button', { name: 'Mute muted one' }).click();
  await expect(page.getByRole('combobox', { name: 'Fills by Webhooks for muted one' })).toHaveValue('off');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await shot(page, '30-notifications');

  const saved = await (await request.get('/api/v1/notifications/preferences', { headers: auth })).json();
  expect(saved.defaults.email.FILL).toBe(true);
  expect(saved.defaults.telegram.STARTED).toBe(false);
  expect(saved.dailySummaryHour).toBe(8);
  expect(saved.timeZone).toBe('Europe/Berlin');
  expect(saved.overrides.filter((o: { botId: string; enabled: boolean }) => o.botId === bot && !o.enabled)).toHaveLength(21);

  // a zone the server does not know is refused, naming the field
  await page.getByRole('combobox', { name: 'Time zone' }).fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('timeZone');
});

test('webhooks: add an endpoint, see the secret once, a started bot delivered and signed, disable and delete', async ({ page, request }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((ready) => receiver.listen(0, '127.0.0.1', ready));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/botfleet`;
    const token = await signedIn(page, request, 'webhooks');
    const auth = { Authorization: `Bearer ${token}` };

    await page.goto('/webhooks');
    await expect(page.getByText('No webhooks yet.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(url);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretBox = page.getByTestId('webhook-secret');
    await expect(secretBox).toContainText('whsec_');
    const secret = (await secretBox.locator('code').textContent())?.trim() ?? '';
    await secretBox.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(secret)).toHaveCount(0);
    const card = page.getByTestId('webhook');
    await expect(card).toContainText(url);

    const bot = await paperBot(request, auth, 'hooked');
    const started = await request.post(`/api/v1/bots/${bot}/start`, { headers: auth });
    expect(started.status(), await started.text()).toBe(200);

    await card.getByRole('button', { name: 'Show deliveries' }).click();
    const delivered = card.getByTestId('delivery').filter({ hasText: 'BOT_STARTED' });
    await expect(delivered).toHaveAttribute('data-status', 'DELIVERED', { timeout: 30_000 });
    await expect(delivered).toContainText('HTTP 200');
    await shot(page, '31-webhooks');

    // what the receiver got: the event with its fields, signed over "timestamp.body" with the secret shown once
    const hit = received.find((r) => r.headers['x-botfleet-event'] === 'BOT_STARTED');
    expect(hit).toBeDefined();
    const ts = String(hit!.headers['x-botfleet-timestamp']);
    const expected = 'sha256=' + createHmac('sha256', secret).update(`${ts}.${hit!.body}`).digest('hex');
    expect(hit!.headers['x-botfleet-signature']).toBe(expected);
    const event = JSON.parse(hit!.body);
    expect(event).toMatchObject({ type: 'BOT_STARTED', botId: bot, botName: 'hooked' });
    expect(event.data).toMatchObject({ botName: 'hooked', symbol: 'BTC/USDT', exchange: 'sim', mode: 'PAPER' });
    expect(event.data.text).toContain('Bot hooked started');

    await card.getByRole('button', { name: 'Disable' }).click();
    await expect(card.getByText('disabled', { exact: true })).toBeVisible();
    await card.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('No webhooks yet.')).toBeVisible();
    await request.post(`/api/v1/bots/${bot}/stop`, { headers: auth });
  } finally {
    await new Promise<void>((done) => receiver.close(() => done()));
  }
});
