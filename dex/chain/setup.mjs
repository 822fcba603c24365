// Makes dex/chain ready for the tests, cheaply when nothing changed (run by the dex module's Maven build):
//  1. `npm ci` when package-lock.json differs from what node_modules was installed from;
//  2. compiles contracts/*.sol with the pinned solc into build/<Name>.json ({abi, bytecode}) when a source changed.
// A stamp file per step records the sha-256 of its inputs, so an unchanged tree costs one hash and no npm run.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');
const stampMatches = (file, hash) => existsSync(file) && readFileSync(file, 'utf8') === hash;

const lockHash = sha256(readFileSync(join(here, 'package-lock.json')));
const installStamp = join(here, 'node_modules', '.botfleet-lock-sha256');
if (!stampMatches(installStamp, lockHash)) {
  console.log('dex/chain: npm ci (package-lock.json changed or node_modules missing)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  writeFileSync(installStamp, lockHash);
}

const sourceDir = join(here, 'contracts');
const buildDir = join(here, 'build');
const sources = Object.fromEntries(readdirSync(sourceDir).filter(f => f.endsWith('.sol')).sort()
  .map(f => [f, { content: readFileSync(join(sourceDir, f), 'utf8') }]));
const sourceHash = sha256(lockHash, JSON.stringify(sources));
const buildStamp = join(buildDir, '.sources-sha256');
if (!stampMatches(buildStamp, sourceHash)) {
  console.log(`dex/chain: compiling ${Object.keys(sources).join(', ')}`);
  const solc = createRequire(import.meta.url)('solc');
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'shanghai', // ganache 7.9.2's newest hardfork
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter(e => e.severity === 'error');
  if (errors.length > 0) {
    errors.forEach(e => console.error(e.formattedMessage));
    process.exit(1);
  }
  mkdirSync(buildDir, { recursive: true });
  for (const file of Object.values(output.contracts)) {
    for (const [name, contract] of Object.entries(file)) {
      writeFileSync(join(buildDir, `${name}.json`),
        JSON.stringify({ contractName: name, abi: contract.abi, bytecode: '0x' + contract.evm.bytecode.object }, null, 1));
    }
  }
  writeFileSync(buildStamp, sourceHash);
}
