// Exchange keys (/credentials): the stored keys with their permissions and balances, and the form that adds one.
import { useState } from 'react';
import { useCredentials, useExchanges } from '../api/hooks';
import type { Credential } from '../api/types';
import { AddKeyForm } from '../components/AddKeyForm';
import { CredentialItem, WITHDRAW_WARNING } from '../components/CredentialItem';
import { Button, Card, Empty, ErrorBox, Spinner } from '../components/ui';

export function CredentialsPage() {
  const exchanges = useExchanges();
  const credentials = useCredentials();
  const [added, setAdded] = useState<Credential | null>(null);
  const venues = (exchanges.data ?? []).filter((v) => v.liveTrading);
  const venueName = (id: string) => exchanges.data?.find((v) => v.id === id)?.name ?? id;
  const addedWarnings = added ? [...(added.canWithdraw ? [WITHDRAW_WARNING] : []), ...(added.warnings ?? [])] : [];

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Exchange API keys</h1>
        <p className="text-sm text-slate-500">Live bots trade with these keys. Secrets are stored encrypted and never shown again.</p>
      </div>
      {addedWarnings.length > 0 && added && (
        <div role="alert" className="flex items-start gap-2 rounded-md border-l-4 border-red-600 bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          <div className="min-w-0 flex-1">
            <p className="font-semibold">Key {added.label} ({added.apiKeyMasked}) was stored, but:</p>
            {addedWarnings.map((w) => <p key={w}>{w}</p>)}
          </div>
          <Button variant="ghost" className="!px-2 !py-0.5" aria-label="Dismiss warning" onClick={() => setAdded(null)}>×</Button>
        </div>
      )}
      <section aria-labelledby="keys-heading" className="flex flex-col gap-3">
        <h2 id="keys-heading" className="font-semibold">Your keys</h2>
        {credentials.isError ? <ErrorBox error={credentials.error} />
          : credentials.isPending ? <Spinner label="Loading keys…" />
          : credentials.data.length === 0 ? <Empty>No keys yet. Add one below to trade live.</Empty>
          : (
            <ul className="flex flex-col gap-3" aria-label="Stored keys">
              {credentials.data.map((c) => <li key={c.id}><CredentialItem credential={c} venue={venueName(c.exchange)} /></li>)}
            </ul>
          )}
      </section>
      <Card>
        <h2 className="mb-3 font-semibold">Add a key</h2>
        {exchanges.isError ? <ErrorBox error={exchanges.error} />
          : exchanges.isPending ? <Spinner label="Loading exchanges…" />
          : venues.length === 0 ? <p className="text-sm text-slate-500">This server has no exchange with live trading.</p>
          : <AddKeyForm venues={venues} onAdded={setAdded} />}
      </Card>
    </div>
  );
}
