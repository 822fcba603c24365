import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { dismissToasts, SCREENSHOTS, shot, shotName, signedInAs } from './support';

// Desktop and phone (projects in playwright.config.ts): the builder must be usable 360 px wide.
test('build a rules bot: RSI below 30 entry, RSI above 70 exit; a refused period lands on its condition; saved, started, charted', async ({ page, request }, info) => {
  const { token } = await signedInAs(page, request, `rules-${info.project.name}`);
  const auth = { Authorization: `Bearer ${token}` };
  await page.goto('/bots/new');
  await expect(page.getByRole('heading', { name: 'New bot' })).toBeVisible();
  await page.locator('#exchange').selectOption('sim');
  await page.locator('#symbol').fill('BTC/USDT');
  await page.locator('#strategy').selectOption('rules');
  await page.locator('#name').fill('e2e rsi rules');

  const control = (name: string) => page.getByLabel(name, { exact: true });
  // The entry rule starts as RSI(14) < 30: the builder shows it as one condition.
  await expect(control('Entry condition 1 left side')).toHaveValue('rsi');
  await expect(control('Entry condition 1 comparison')).toHaveValue('<');
  await expect(control('Entry condition 1 right value')).toHaveValue('30');
  await control('Entry condition 1 left period').fill('0'); // the server refuses this

  await page.getByRole('button', { name: 'Add exit rule' }).click();
  await expect(control('Exit condition 1 left side')).toHaveValue('rsi');
  await control('Exit condition 1 left period').fill('14');
  await control('Exit condition 1 comparison').selectOption('>');
  await control('Exit condition 1 right value').fill('70');

  await page.getByRole('button', { name: 'Create bot' }).click();
  const period = control('Entry condition 1 left period');
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  await expect(period).toHaveAccessibleDescription(/\S/); // the server's message, on the control
  await expect(control('Entry condition 1 right value')).toHaveAttribute('aria-invalid', 'false');
  await expect(control('Exit condition 1 left period')).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/\/bots\/new$/);
  await period.scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(SCREENSHOTS, `${shotName('11-rules-field-error', info.project.name)}.png`) });

  await period.fill('14');
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByRole('heading', { name: 'e2e rsi rules' })).toBeVisible();
  const id = page.url().split('/').pop()!;
  const saved = await (await request.get(`/api/v1/bots/${id}`, { headers: auth })).json();
  expect(saved.strategy).toBe('rules');
  expect(JSON.stringify(saved.config.entry)).toMatch(/"indicator":"rsi"/);
  const conditions = (rule: unknown): { op: string; right: unknown; left: { indicator: string; period: number } }[] => {
    const r = rule as { all?: unknown[]; any?: unknown[] };
    return (r.all ?? r.any ?? [rule]) as never;
  };
  expect(conditions(saved.config.entry)).toEqual([expect.objectContaining({ op: '<', right: 30, left: expect.objectContaining({ indicator: 'rsi', period: 14 }) })]);
  expect(conditions(saved.config.exit)).toEqual([expect.objectContaining({ op: '>', right: 70, left: expect.objectContaining({ indicator: 'rsi', period: 14 }) })]);

  // Started, the detail page charts the market (candles when the server has them) and tells about the warm-up.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('[data-status="ACTIVE"]')).toBeVisible();
  const chart = page.getByRole('img', { name: /^BTC\/USDT (1m candles|price)$/ });
  await expect(chart).toBeVisible();
  const box = (await chart.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(page.viewportSize()!.width); // no sideways scrolling on a phone
  await expect(page.getByTestId('chart-last')).toHaveText(/^\d{1,3}(,\d{3})*\.\d{2} USDT$/);
  // The warm-up shows only while the bot still lacks candles (the sim's made-up past usually covers it at once).
  const warmup = page.getByTestId('warmup');
  const running = await (await request.get(`/api/v1/bots/${id}`, { headers: auth })).json();
  if (running.warmup && running.warmup.received < running.warmup.needed) await expect(warmup).toContainText(/Warming up \d+\/\d+ candles/);
  else await expect(warmup).toHaveCount(0);
  await page.waitForTimeout(1500); // a few live ticks on the last candle
  await dismissToasts(page);
  await shot(page, shotName('12-bot-detail-chart', info.project.name));

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('[data-bot-card="e2e rsi rules"]').locator('[data-status="ACTIVE"]')).toBeVisible();
  await expect(page.getByTestId('stat-pnl')).not.toHaveText('…');
  await dismissToasts(page);
  await shot(page, shotName('13-home', info.project.name));
  const stopped = await request.post(`/api/v1/bots/${id}/stop`, { headers: auth });
  expect(stopped.status()).toBe(200);
});
