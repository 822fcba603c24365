// One stored key: what it may do (a key that can withdraw is flagged), its balances on demand, delete after a confirm.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { credentialApi, keys } from '../api/hooks';
import type { Credential } from '../api/types';
import { time } from '../lib/format';
import { KeyBalances } from './KeyBalances';
import { useToast } from './Toasts';
import { Badge, Button, Card, ConfirmDialog } from './ui';

export const WITHDRAW_WARNING = 'This key can withdraw funds. botfleet never needs that: if the key leaks, your funds can be '
  + 'moved off the exchange. Create a key with trading permission only, add it, and delete this one.';

export function CredentialItem({ credential: c, venue }: { credential: Credential; venue: string }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [showBalances, setShowBalances] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const warnings = (c.warnings ?? []).filter((w) => w.trim() !== '');
  const balancesId = `balances-${c.id}`;

  async function remove() {
    setConfirm(false);
    setDeleting(true);
    setRefusal(null);
    try {
      await credentialApi.remove(c.id);
      toast.success(`Key ${c.label} deleted`);
      void qc.invalidateQueries({ queryKey: keys.credentials });
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <Card className="flex min-w-0 flex-col gap-3" data-credential={c.label}>
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <h3 className="break-words font-semibold">{c.label}</h3>
          <p className="break-words text-xs text-slate-500">
            {venue} · <span className="font-mono" data-testid="masked-key">{c.apiKeyMasked}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-1">
          {c.testnet && <Badge tone="sky">testnet</Badge>}
          {c.canTrade === false ? <Badge tone="amber">cannot trade</Badge> : c.canTrade && <Badge tone="emerald">can trade</Badge>}
          {c.canWithdraw && <Badge tone="red">can withdraw</Badge>}
        </div>
      </div>
      {(c.canWithdraw || warnings.length > 0) && (
        <div className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
             data-testid="key-warnings">
          {c.canWithdraw && <p className="font-semibold">{WITHDRAW_WARNING}</p>}
          {warnings.map((w) => <p key={w}>{w}</p>)}
        </div>
      )}
      {c.canTrade === false && <p className="text-sm text-amber-800 dark:text-amber-200">This key has no trading permission: live bots cannot use it.</p>}
      <p className="text-xs text-slate-500">
        {c.verifiedAt ? `Verified with ${venue} ${time(c.verifiedAt)}` : 'Not verified'} · added {time(c.createdAt)}
      </p>
      {refusal && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{refusal}</p>}
      <div className="flex flex-wrap gap-2">
        <Button aria-expanded={showBalances} aria-controls={balancesId} aria-label={`${showBalances ? 'Hide' : 'Show'} balances of ${c.label}`} onClick={() => setShowBalances((s) => !s)}>
          {showBalances ? 'Hide balances' : 'Show balances'}
        </Button>
        <Button variant="danger" className="ml-auto" disabled={deleting} aria-label={`Delete key ${c.label}`} onClick={() => setConfirm(true)}>
          {deleting ? 'Deleting…' : 'Delete'}
        </Button>
      </div>
      <div id={balancesId} hidden={!showBalances}>
        {showBalances && <KeyBalances credential={c} venue={venue} />}
      </div>
      <ConfirmDialog open={confirm} title={`Delete key ${c.label}?`} confirm="Delete key" onCancel={() => setConfirm(false)}
        onConfirm={() => void remove()}
        text={`botfleet forgets this ${venue} key (${c.apiKeyMasked}). The key itself stays valid on ${venue}: revoke it there too.`} />
    </Card>
  );
}
