// Paper or LIVE for a DEX bot (docs/dex-live.md), and for LIVE the wallet it swaps with: one of the user's stored
// wallets (GET /api/v1/wallet-keys). A LIVE bot signs real swaps with that wallet, so the choice comes with a warning.
import { Link } from 'react-router-dom';
import { Field, inputClass } from '../ui';
import { useWalletKeys, type WalletKey } from './walletApi';

export type DexMode = 'PAPER' | 'LIVE';

export const walletOption = (k: WalletKey) =>
  `${k.label} (${k.address})${k.kind === 'EXTERNAL_SIGNER' ? ' · external signer' : ''}`;

const errorClass = 'text-xs text-red-600 dark:text-red-400';

export function DexModeField({ mode, onMode, walletKeyId, onWallet, network, errors }: {
  mode: DexMode; onMode: (m: DexMode) => void; walletKeyId: string; onWallet: (id: string) => void; network: string;
  errors: { mode?: string; walletKeyId?: string };
}) {
  return (
    <>
      <fieldset className="flex flex-col gap-1" aria-describedby={errors.mode ? 'dex-mode-error' : undefined}>
        <legend className="text-sm font-medium">Mode</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="dex-mode" value="PAPER" checked={mode === 'PAPER'} onChange={() => onMode('PAPER')} />
            Paper
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="dex-mode" value="LIVE" checked={mode === 'LIVE'} onChange={() => onMode('LIVE')} />
            Live
          </label>
        </div>
        {errors.mode && <p className={errorClass} id="dex-mode-error" data-field-error="dex-mode">{errors.mode}</p>}
        <p className="text-xs text-slate-500">
          {mode === 'PAPER' ? 'Paper: swaps priced on the real pools, nothing signed or sent, no real funds.'
            : 'Live: real swaps signed with your wallet and broadcast on the network.'}
        </p>
      </fieldset>
      {mode === 'LIVE' && (
        <>
          <p role="note" data-testid="dex-live-warning"
            className="rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            LIVE swaps spend real funds from the chosen wallet{network ? ` on ${network}` : ''}: every buy pays the quote
            token and the gas from it, and a mined swap cannot be undone.
          </p>
          <WalletSelect value={walletKeyId} onChange={onWallet} error={errors.walletKeyId} />
        </>
      )}
    </>
  );
}

function WalletSelect({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const keys = useWalletKeys();
  if (keys.error) return <Field label="Wallet" htmlFor="dex-wallet" error={error ?? keys.error.message}><span /></Field>;
  if (keys.data && keys.data.length === 0) {
    // the dashboard has no form to store a key (it never takes a private key): the API does, the Wallets page lists them
    return (
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium">Wallet</span>
        <p className="rounded-md border border-dashed border-slate-300 p-2 text-sm dark:border-slate-600" data-testid="dex-no-wallet">
          You have no wallet stored yet. Store one with <code>POST /api/v1/wallet-keys</code> (a private key, kept
          encrypted, or an external signer); it then shows on the{' '}
          <Link to="/dex/wallets" className="font-medium text-indigo-600 underline dark:text-indigo-400">Wallets page</Link>
          {' '}and here.
        </p>
        {error && <p className={errorClass} data-field-error="dex-wallet">{error}</p>}
      </div>
    );
  }
  return (
    <Field label="Wallet" htmlFor="dex-wallet" error={error} help="The wallet this bot signs its swaps with.">
      <select id="dex-wallet" className={inputClass} value={value} disabled={!keys.data} aria-required="true"
        aria-invalid={!!error} aria-describedby={error ? 'dex-wallet-error' : undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{keys.data ? 'Choose a wallet…' : 'Loading wallets…'}</option>
        {(keys.data ?? []).map((k) => <option key={k.id} value={k.id}>{walletOption(k)}</option>)}
      </select>
    </Field>
  );
}
