// Wallets (docs/dex-live.md "Wallets"): each stored wallet's address, balances on a network, and its ERC-20
// approvals with a Revoke button (approve(spender, 0), sent through the transaction manager and journal).
import { useState } from 'react';
import { useDexNetworks } from '../components/dex/dexApi';
import { useRevoke, useWallet, useWalletKeys, type WalletKey } from '../components/dex/walletApi';
import { Button, Card, Empty, ErrorBox, Spinner, inputClass } from '../components/ui';

export function WalletsPage() {
  const networks = useDexNetworks();
  const keys = useWalletKeys();
  const [network, setNetwork] = useState('');
  const chosen = network || networks.data?.[0]?.name || '';
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">Wallets</h1>
          <p className="text-sm text-slate-500">The wallets LIVE DEX bots sign with. Keys are stored encrypted and never shown.</p>
        </div>
        <label className="text-sm">Network{' '}
          <select aria-label="Network" className={inputClass} value={chosen} onChange={(e) => setNetwork(e.target.value)}>
            {(networks.data ?? []).map((n) => <option key={n.name} value={n.name}>{n.name} (chain {n.chainId})</option>)}
          </select>
        </label>
      </div>
      {keys.isLoading && <Spinner />}
      {keys.error && <ErrorBox error={keys.error} />}
      {keys.data?.length === 0 && <Empty>No wallet stored yet (POST /api/v1/wallet-keys).</Empty>}
      {chosen !== '' && keys.data?.map((k) => <WalletCard key={k.id} wallet={k} network={chosen} />)}
    </div>
  );
}

function WalletCard({ wallet, network }: { wallet: WalletKey; network: string }) {
  const view = useWallet(wallet.id, network);
  const revoke = useRevoke(wallet.id, network);
  return (
    <Card className="flex flex-col gap-3" data-testid={`wallet-${wallet.id}`}>
      <div>
        <h2 className="font-semibold">{wallet.label}</h2>
        <p className="font-mono text-xs break-all">{wallet.address}</p>
        {wallet.kind === 'EXTERNAL_SIGNER' && <p className="text-xs text-slate-500">signs through {wallet.signerUrl}</p>}
      </div>
      {view.isLoading && <Spinner />}
      {view.error && <ErrorBox error={view.error} />}
      {view.data && (
        <>
          <table className="text-sm">
            <caption className="text-left font-medium">Balances</caption>
            <tbody>
              <tr><td>native</td><td className="text-right font-mono">{view.data.nativeAmount}</td></tr>
              {view.data.tokens.map((t) => (
                <tr key={t.token}><td title={t.token}>{t.symbol}</td><td className="text-right font-mono">{t.amount}</td></tr>
              ))}
            </tbody>
          </table>
          <table className="text-sm">
            <caption className="text-left font-medium">Approvals</caption>
            <thead><tr><th className="text-left">Token</th><th className="text-left">Spender</th><th className="text-right">Allowance</th><th /></tr></thead>
            <tbody>
              {view.data.approvals.length === 0 && <tr><td colSpan={4} className="text-slate-500">No open approvals.</td></tr>}
              {view.data.approvals.map((a) => (
                <tr key={`${a.token}-${a.spender}`}>
                  <td>{a.symbol}</td>
                  <td className="font-mono text-xs" title={a.spender}>{a.spenderName ?? a.spender}</td>
                  <td className="text-right font-mono">{a.amount}</td>
                  <td className="text-right">
                    <Button variant="danger" disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ token: a.token, spender: a.spender })}>Revoke</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {revoke.error && <ErrorBox error={revoke.error} />}
          {revoke.data && <p className="text-xs text-emerald-700">Revoked in transaction <span className="font-mono">{revoke.data.hash}</span> ({revoke.data.status})</p>}
        </>
      )}
    </Card>
  );
}
