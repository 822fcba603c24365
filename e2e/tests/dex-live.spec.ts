import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot, signedIn } from './support';

// A LIVE DEX bot on the local chain E2eRunner starts (e2e/dex-chain.mjs; DEX_CHAIN is its port file). Skipped without.
const chainFile = process.env.DEX_CHAIN;
const chain = chainFile ? JSON.parse(readFileSync(chainFile, 'utf8')) as { weth: string; usdc: string; control: string } : null;
// a throwaway key for the local chain only
const KEY = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

test('a LIVE DEX bot swaps with a vault wallet; the transactions list shows it and the wallet screen revokes its approval', async ({ page, request }) => {
  // under CI the runner always starts the chain: a missing one is a failure there, not a skip
  if (!chain && process.env.CI) throw new Error('DEX_CHAIN is not set under CI: the local chain did not start');
  test.skip(!chain, 'DEX_CHAIN is not set: no local chain');
  const token = await signedIn(page, request, 'dexlive');
  const auth = { Authorization: `Bearer ${token}` };
  const stored = await request.post('/api/v1/wallet-keys', { headers: auth, data: { label: 'e2e wallet', privateKey: KEY } });
  expect(stored.status(), await stored.text()).toBe(201);
  const wallet = await stored.json() as { id: string; address: string };
  // 5,000 USDC: intelligence level 5 lets a LIVE bot spend 5 % of what the wallet held at start per buy (250 ≥ 100)
  const funded = await request.post(`${chain!.control}/fund`, { data: { address: wallet.address, ether: 1, usdc: 5000 } });
  expect(funded.status(), await funded.text()).toBe(200);

  const created = await request.post('/api/v1/dex/bots', { headers: auth, data: {
    name: 'e2e live dex bot', network: 'local', baseToken: chain!.weth, quoteToken: chain!.usdc, strategy: 'simple-dca',
    config: { intervalMinutes: 60, orderAmount: '100', maxPositionAmount: '1000', takeProfitPercent: '0' },
    slippageBps: 100, intelLevel: 5, mode: 'LIVE', walletKeyId: wallet.id } });
  expect(created.status(), await created.text()).toBe(201);
  const botId = (await created.json()).bot.id as string;
  const started = await request.post(`/api/v1/bots/${botId}/start`, { headers: auth });
  expect(started.status(), await started.text()).toBe(200);
  const swap = await request.post(`${chain!.control}/swap`, { data: { wethIn: 5 } });
  expect(swap.status(), await swap.text()).toBe(200);

  await expect.poll(async () => (await (await request.get(`/api/v1/dex/transactions?botId=${botId}&status=CONFIRMED`,
    { headers: auth })).json()).length, { timeout: 60_000 }).toBe(2);
  await page.goto('/dex/transactions');
  await expect(page.getByRole('heading', { name: 'DEX transactions' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'SWAP' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'APPROVE' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('USDC'); // the fee in the quote token
  await shot(page, '30-dex-transactions');

  await page.goto('/dex/wallets');
  const card = page.getByTestId(`wallet-${wallet.id}`);
  await expect(card).toContainText(wallet.address);
  await expect(card.getByRole('button', { name: 'Revoke' })).toBeVisible();
  await shot(page, '29-dex-wallets');
  await card.getByRole('button', { name: 'Revoke' }).click();
  await expect(card.getByText('No open approvals.')).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Revoked in transaction');
  const txs = await (await request.get(`/api/v1/dex/transactions?wallet=${wallet.address}`, { headers: auth })).json();
  expect(txs[0].purpose).toBe('REVOKE');
  expect(txs[0].status).toBe('CONFIRMED');
});
