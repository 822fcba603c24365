import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot, signedIn } from './support';

// The local chain E2eRunner starts (e2e/dex-chain.mjs) and points the server's botfleet.dex.networks.local at:
// DEX_CHAIN is its port file ({weth, usdc, control, ...}). Skipped without it.
const chainFile = process.env.DEX_CHAIN;
const chain = chainFile ? JSON.parse(readFileSync(chainFile, 'utf8')) as { weth: string; usdc: string; control: string } : null;

test('a paper DEX bot on the local chain buys after a competing swap and shows the fill and its session', async ({ page, request }) => {
  test.skip(!chain, 'DEX_CHAIN is not set: no local chain');
  await signedIn(page, request, 'dex');
  await page.goto('/dex/new');
  await expect(page.getByRole('heading', { name: 'New DEX bot (paper)' })).toBeVisible();
  await expect(page.locator('#dex-network')).toHaveValue('local');
  await page.locator('#dex-name').fill('e2e dex bot');
  await page.locator('#dex-base').fill(chain!.weth);
  await page.getByRole('button', { name: 'Look up' }).first().click();
  await expect(page.getByTestId('dex-base-symbol')).toHaveText('WETH');
  await page.locator('#dex-quote').fill(chain!.usdc);
  await page.getByRole('button', { name: 'Look up' }).nth(1).click();
  await expect(page.getByTestId('dex-quote-symbol')).toHaveText('USDC');
  await page.locator('#dex-size').fill('100');
  await page.locator('#dex-slippage').fill('100');
  await page.locator('#dex-intel').fill('7');
  await expect(page.getByText('Intelligence level: 7')).toBeVisible();
  await shot(page, '28-dex-bot-form');
  await page.getByRole('button', { name: 'Create paper DEX bot' }).click();

  await expect(page.getByRole('heading', { name: 'e2e dex bot' })).toBeVisible();
  await expect(page.getByText('WETH/USDC', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('[data-status="ACTIVE"]')).toBeVisible();
  await expect(page.getByTestId('dex-session')).toHaveCount(1);

  // Another account sells 5 WETH on the pool: its Swap event is the market's price, and the bot buys 100 USDC of WETH.
  const swap = await request.post(`${chain!.control}/swap`, { data: { wethIn: 5 } });
  expect(swap.status(), await swap.text()).toBe(200);
  const trades = page.getByTestId('trades');
  await expect(trades.getByText('BUY')).toBeVisible({ timeout: 60_000 });
  await expect(trades).toContainText('USDC'); // the gas fee, in the quote token
  await expect(page.getByTestId('dex-session-trades')).toHaveText('1', { timeout: 30_000 });
  await shot(page, '28-dex-bot-fill');
});
