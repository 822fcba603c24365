// A local chain for the DEX e2e (dex.spec.ts): ganache 7.9.2 from dex/chain's npm project, with WETH9, Uniswap V2
// (factory, router02) and V3 (factory, QuoterV2: no V3 pools, so every fill routes through V2) deployed from the npm
// packages' compiled bytecode, a test USDC (dex/chain/build/TestToken.json) and a V2 WETH/USDC pool of 100 WETH +
// 200,000 USDC. It writes {rpcUrl, wsUrl, chainId, control, contracts...} to --port-file and serves a loopback-only
// control endpoint: POST /swap {wethIn} makes another account sell that much WETH on the pool (a real transaction);
// POST /fund {address, ether, usdc} sends a wallet ether (for gas) and mints it test USDC (dex-live.spec.ts).
import { createRequire } from 'node:module';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chainDir = process.env.DEX_CHAIN_DIR ?? join(here, '..', 'dex', 'chain');
const require = createRequire(join(chainDir, 'package.json'));
const ganache = require('ganache');
const portFile = process.argv[process.argv.indexOf('--port-file') + 1];
const CHAIN_ID = 1337;

const server = ganache.server({
  chain: { chainId: CHAIN_ID }, wallet: { deterministic: true, totalAccounts: 4, defaultBalance: 100000 },
  logging: { quiet: true },
});
await server.listen(0, '127.0.0.1');
const port = server.address().port;
const rpc = (method, params = []) => server.provider.request({ method, params });
const [deployer, competitor] = await rpc('eth_accounts');

const word = (hex) => hex.replace(/^0x/, '').padStart(64, '0');
const uint = (n) => word(BigInt(n).toString(16));
const address = (a) => word(a.toLowerCase());
const text = (s) => {
  const bytes = Buffer.from(s, 'utf8').toString('hex');
  return uint(bytes.length / 2) + bytes.padEnd(Math.ceil(bytes.length / 64) * 64 || 64, '0');
};
async function selector(signature) {
  const hash = await rpc('web3_sha3', ['0x' + Buffer.from(signature, 'utf8').toString('hex')]);
  return hash.slice(0, 10);
}
const bytecode = (file) => {
  const artifact = JSON.parse(readFileSync(file, 'utf8'));
  const code = artifact.bytecode || artifact.evm?.bytecode?.object;
  return code.startsWith('0x') ? code : '0x' + code;
};
const npm = (path) => bytecode(join(chainDir, 'node_modules', path));

async function send(from, to, data) {
  const hash = await rpc('eth_sendTransaction', [{ from, to, data, gas: '0x989680' }]);
  const receipt = await rpc('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error(`transaction to ${to ?? 'a new contract'} reverted`);
  return receipt;
}
const create = async (code, args = '') => (await send(deployer, undefined, code + args)).contractAddress;
const call = async (from, to, signature, args = '') => send(from, to, (await selector(signature)) + args);

const weth = await create(npm('@uniswap/v2-periphery/build/WETH9.json'));
const v2Factory = await create(npm('@uniswap/v2-core/build/UniswapV2Factory.json'), address(deployer));
const v2Router = await create(npm('@uniswap/v2-periphery/build/UniswapV2Router02.json'), address(v2Factory) + address(weth));
const v3Factory = await create(npm('@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json'));
const v3SwapRouter = await create(npm('@uniswap/v3-periphery/artifacts/contracts/SwapRouter.sol/SwapRouter.json'),
  address(v3Factory) + address(weth));
const v3Quoter = await create(npm('@uniswap/v3-periphery/artifacts/contracts/lens/QuoterV2.sol/QuoterV2.json'),
  address(v3Factory) + address(weth));
// TestToken(string name, string symbol, uint8 decimals): two dynamic strings after three head words
const name = text('USD Coin (test)');
const usdc = await create(bytecode(join(chainDir, 'build', 'TestToken.json')),
  uint(96) + uint(96 + name.length / 2) + uint(6) + name + text('USDC'));

const ETHER = 10n ** 18n;
const USDC = 10n ** 6n;
const deadline = () => Math.floor(Date.now() / 1000) + 600;
async function wrap(who, units) {
  const hash = await rpc('eth_sendTransaction', [{ from: who, to: weth, data: await selector('deposit()'),
    value: '0x' + units.toString(16), gas: '0x989680' }]);
  const receipt = await rpc('eth_getTransactionReceipt', [hash]);
  if (receipt.status !== '0x1') throw new Error('WETH deposit reverted');
}
await wrap(deployer, 100n * ETHER);
await call(deployer, usdc, 'mint(address,uint256)', address(deployer) + uint(200_000n * USDC));
await call(deployer, weth, 'approve(address,uint256)', address(v2Router) + uint(100n * ETHER));
await call(deployer, usdc, 'approve(address,uint256)', address(v2Router) + uint(200_000n * USDC));
await call(deployer, v2Router, 'addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)',
  address(weth) + address(usdc) + uint(100n * ETHER) + uint(200_000n * USDC) + uint(100n * ETHER)
  + uint(200_000n * USDC) + address(deployer) + uint(deadline()));

/** The competitor sells wethIn WETH for USDC on the V2 pool (any amount out: it is the market moving). */
async function competingSwap(wethIn) {
  const units = BigInt(Math.round(wethIn * 1e6)) * 10n ** 12n;
  await wrap(competitor, units);
  await call(competitor, weth, 'approve(address,uint256)', address(v2Router) + uint(units));
  const path = uint(2) + address(weth) + address(usdc);
  return call(competitor, v2Router, 'swapExactTokensForTokens(uint256,uint256,address[],address,uint256)',
    uint(units) + uint(0) + uint(160) + address(competitor) + uint(deadline()) + path);
}

/** Gives a wallet ether from the deployer and mints it USDC: a LIVE bot's wallet needs both. */
async function fund(to, ether, usdcAmount) {
  const value = '0x' + (BigInt(Math.round(ether * 1e6)) * 10n ** 12n).toString(16);
  const hash = await rpc('eth_sendTransaction', [{ from: deployer, to, value, gas: '0x5208' }]);
  await rpc('eth_getTransactionReceipt', [hash]);
  return call(deployer, usdc, 'mint(address,uint256)', address(to) + uint(BigInt(usdcAmount) * USDC));
}

const control = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', async () => {
    try {
      if (req.method !== 'POST' || (req.url !== '/swap' && req.url !== '/fund')) { res.writeHead(404).end(); return; }
      const args = JSON.parse(body || '{}');
      const receipt = req.url === '/fund' ? await fund(args.address, Number(args.ether ?? 1), Number(args.usdc ?? 1000))
        : await competingSwap(Number(args.wethIn ?? 5));
      res.writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ transactionHash: receipt.transactionHash, blockNumber: Number(receipt.blockNumber) }));
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: String(e) }));
    }
  });
});
control.listen(0, '127.0.0.1', () => {
  const info = {
    rpcUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, chainId: String(CHAIN_ID),
    control: `http://127.0.0.1:${control.address().port}`,
    weth, usdc, v2Factory, v2Router, v3Factory, v3SwapRouter, v3Quoter,
  };
  writeFileSync(portFile + '.tmp', JSON.stringify(info) + '\n');
  renameSync(portFile + '.tmp', portFile); // whole or not at all: the runner polls for it
  console.log('[dex-chain] ready', JSON.stringify(info));
});
const stop = () => { control.close(); server.close().finally(() => process.exit(0)); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
