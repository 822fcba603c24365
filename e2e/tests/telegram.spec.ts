import { expect, test } from '@playwright/test';
import { shot, signedIn } from './support';

// The fake Telegram Bot API that E2eRunner starts and points the server at; /_fake/telegram/ plays the user.
const FAKE = process.env.FAKE_TELEGRAM;

test('connect a Telegram chat with the one-time code, choose an alert, disconnect', async ({ page, request }) => {
  test.skip(!FAKE, 'needs the fake Telegram Bot API (E2eRunner starts it when given the fakes jar)');
  const token = await signedIn(page, request, 'telegram');
  const auth = { Authorization: `Bearer ${token}` };
  const chatId = 100_000 + Math.floor(Math.random() * 800_000);

  await page.goto('/settings');
  const section = page.getByTestId('telegram');
  await section.getByRole('button', { name: 'Connect Telegram' }).click();
  await expect(section.getByText('Waiting for /start …')).toBeVisible();
  await expect(section.getByTestId('telegram-countdown')).toHaveText(/^(10:00|9:\d\d)$/);
  const link = section.getByRole('link', { name: 'Open Telegram' });
  await expect(link).toHaveAttribute('href', /^https:\/\/t\.me\/botfleet_e2e_bot\?start=/);
  const command = (await section.getByTestId('telegram-code').textContent())?.trim() ?? '';
  expect(command).toMatch(/^\/start \S+$/);
  expect(await link.getAttribute('href')).toBe(`https://t.me/botfleet_e2e_bot?start=${command.slice('/start '.length)}`);
  await shot(page, '20-telegram-code');

  // the user sends /start <code> in Telegram; the server's long polling links the chat and the page sees it
  const said = await request.post(`${FAKE}/_fake/telegram/say`, { data: { chatId, text: command } });
  expect(said.status(), await said.text()).toBe(200);
  await expect(section.getByText('Connected', { exact: true })).toBeVisible();
  await expect(section.getByTestId('telegram-chat')).toHaveText(`User${chatId}`);
  await expect(section.getByTestId('telegram-code')).toHaveCount(0);
  const state = await (await request.get('/api/v1/telegram', { headers: auth })).json();
  expect(state).toMatchObject({ enabled: true, linked: true, chatTitle: `User${chatId}` });

  // an alert switched off is saved on the server
  const fills = section.getByRole('checkbox', { name: 'Fills' });
  await expect(fills).toBeChecked();
  await fills.click();
  await expect(fills).not.toBeChecked();
  await expect(fills).toBeEnabled();
  const alerts = await (await request.get('/api/v1/telegram/alerts', { headers: auth })).json();
  expect(alerts).toEqual({ started: true, stopped: true, errors: true, fills: false });
  await shot(page, '21-telegram-connected');

  await section.getByRole('button', { name: 'Disconnect' }).click();
  await expect(section.getByRole('button', { name: 'Connect Telegram' })).toBeVisible();
  expect((await (await request.get('/api/v1/telegram', { headers: auth })).json()).linked).toBe(false);
});
