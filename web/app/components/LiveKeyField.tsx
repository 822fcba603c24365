// The key a LIVE bot trades with: the user's keys of the bot's exchange, or a way to add one.
import { Link } from 'react-router-dom';
import { useCredentials } from '../api/hooks';
import type { Credential, Exchange } from '../api/types';
import { Field, inputClass } from './ui';

export const keyOption = (c: Credential) =>
  `${c.label} (${c.apiKeyMasked})${c.testnet ? ' · testnet' : ''}${c.canTrade === false ? ' · cannot trade' : ''}`;

/** The user's keys of `exchange` (undefined while loading). */
export function useExchangeKeys(exchange: string, enabled: boolean): { keys: Credential[] | undefined; error: Error | null } {
  const credentials = useCredentials(enabled);
  return { keys: credentials.data?.filter((c) => c.exchange === exchange), error: credentials.error };
}

export function LiveKeyField({ venue, value, onChange, error }:
  { venue: Exchange; value: string; onChange: (id: string) => void; error?: string }) {
  const { keys, error: failed } = useExchangeKeys(venue.id, true);
  if (failed) return <Field label="API key" htmlFor="credentialId" error={error ?? failed.message}><span /></Field>;
  if (keys && keys.length === 0) {
    return (
      <div className="flex flex-col gap-1">
        <span className="text-sm font-medium">API key</span>
        <p className="rounded-md border border-dashed border-slate-300 p-2 text-sm dark:border-slate-600" data-field-error={error ? 'credentialId' : undefined}>
          You have no {venue.name} key yet.{' '}
          <Link to="/credentials" className="font-medium text-indigo-600 underline dark:text-indigo-400">Add one on the API keys page</Link>
          {' '}to trade live.
        </p>
        {error && <p className="text-xs text-red-600 dark:text-red-400">{error}</p>}
      </div>
    );
  }
  return (
    <Field label="API key" htmlFor="credentialId" error={error} help={`The ${venue.name} key this bot trades with.`}>
      <select id="credentialId" className={inputClass} value={value} disabled={!keys} aria-invalid={!!error}
        aria-describedby={error ? 'credentialId-error' : undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{keys ? 'Choose a key…' : 'Loading keys…'}</option>
        {(keys ?? []).map((c) => <option key={c.id} value={c.id} disabled={c.canTrade === false}>{keyOption(c)}</option>)}
      </select>
    </Field>
  );
}
