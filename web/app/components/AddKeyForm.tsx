// "Add key": the server checks the key with the venue before storing it; the venue's refusal shows under the key.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { keys } from '../api/hooks';
import { guardedApi, useTwoFactor } from '../api/twoFactor';
import type { Credential, Exchange } from '../api/types';
import { keyErrors, type KeyErrors } from '../lib/credentials';
import { isPerpetualVenue } from '../lib/perpetual';
import { isAvailable, unavailableHint } from '../lib/venues';
import { useToast } from './Toasts';
import { Button, Field, inputClass } from './ui';

const NONE: KeyErrors = { fields: {}, general: [] };

/** `venues`: those with live trading. `onAdded` gets the stored key (with the server's warnings). */
export function AddKeyForm({ venues, onAdded }: { venues: Exchange[]; onAdded: (c: Credential) => void }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [exchange, setExchange] = useState(() => venues.find(isAvailable)?.id ?? venues[0]?.id ?? '');
  const [label, setLabel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [testnet, setTestnet] = useState(false);
  const [otp, setOtp] = useState('');
  // the user's two-factor settings may require a code of the authenticator app for adding keys
  const codeNeeded = useTwoFactor().data?.requireForKeys === true;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<KeyErrors>(NONE);
  const venue = venues.find((v) => v.id === exchange);
  const name = venue?.name ?? exchange;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!exchange) missing.exchange = 'Choose an exchange.';
    if (!apiKey.trim()) missing.apiKey = 'Paste the API key.';
    if (!apiSecret) missing.apiSecret = 'Paste the API secret.';
    if (codeNeeded && !otp.trim()) missing.otp = 'Type the code your authenticator app shows.';
    if (Object.keys(missing).length > 0) { setErrors({ fields: missing, general: [] }); return; }
    setBusy(true);
    setErrors(NONE);
    try {
      const stored = await guardedApi.createKey({
        exchange, apiKey: apiKey.trim(), apiSecret,
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(venue?.testnet ? { testnet } : {}),
      }, codeNeeded ? otp.trim() : undefined);
      setLabel(''); setApiKey(''); setApiSecret(''); setTestnet(false); setOtp('');
      toast.success(`${name} key ${stored.apiKeyMasked} verified and stored`);
      onAdded(stored);
      void qc.invalidateQueries({ queryKey: keys.credentials });
    } catch (err) {
      setOtp(''); // a code is good once: the next attempt needs the next one
      if (err instanceof ApiError && err.problem.code?.startsWith('TOTP_')) {
        setErrors({ fields: { otp: err.problem.detail ?? 'Wrong code.' }, general: [] });
      } else setErrors(err instanceof ApiError ? keyErrors(err.problem, name) : { fields: {}, general: [String(err)] });
    } finally {
      setBusy(false);
    }
  }

  const invalid = (f: string) => ({ 'aria-invalid': !!errors.fields[f], 'aria-describedby': errors.fields[f] ? `key-${f}-error` : undefined });

  return (
    <form onSubmit={submit} noValidate aria-label="Add key" className="grid gap-3 sm:grid-cols-2">
      <Field label="Exchange" htmlFor="key-exchange" error={errors.fields.exchange} help={unavailableHint(venues)}>
        <select id="key-exchange" className={inputClass} value={exchange} {...invalid('exchange')}
          onChange={(e) => { setExchange(e.target.value); setTestnet(false); setErrors(NONE); }}>
          {venues.map((v) => <option key={v.id} value={v.id} disabled={!isAvailable(v)}>{v.name}{isPerpetualVenue(v) ? ' — Perpetual' : ''}{isAvailable(v) ? '' : ' (unavailable)'}</option>)}
        </select>
      </Field>
      <Field label="Label (optional)" htmlFor="key-label" error={errors.fields.label} help="A name to tell your keys apart.">
        <input id="key-label" className={inputClass} value={label} maxLength={100} placeholder={exchange}
          {...invalid('label')} onChange={(e) => setLabel(e.target.value)} />
      </Field>
      <Field label="API key" htmlFor="key-apiKey" error={errors.fields.apiKey}>
        <input id="key-apiKey" className={`${inputClass} font-mono`} value={apiKey} autoComplete="off" spellCheck={false}
          autoCapitalize="off" maxLength={512} {...invalid('apiKey')} onChange={(e) => setApiKey(e.target.value)} />
      </Field>
      <Field label="API secret" htmlFor="key-apiSecret" error={errors.fields.apiSecret} help="Stored encrypted; never shown again.">
        <input id="key-apiSecret" type="password" className={`${inputClass} font-mono`} value={apiSecret} autoComplete="off"
          spellCheck={false} maxLength={2048} {...invalid('apiSecret')} onChange={(e) => setApiSecret(e.target.value)} />
      </Field>
      {venue?.testnet && (
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" className="h-4 w-4 accent-indigo-600" checked={testnet} onChange={(e) => setTestnet(e.target.checked)} />
          Testnet key (test funds on {name}'s testnet, not your real account)
        </label>
      )}
      {codeNeeded && (
        <Field label="Authenticator code" htmlFor="key-otp" error={errors.fields.otp}
          help="Your two-factor settings require a code of your authenticator app to add a key.">
          <input id="key-otp" className={`${inputClass} font-mono`} value={otp} inputMode="numeric" autoComplete="one-time-code"
            maxLength={7} {...invalid('otp')} onChange={(e) => setOtp(e.target.value)} />
        </Field>
      )}
      <p className="text-xs text-slate-500 sm:col-span-2">
        Give the key trading permission only. botfleet never needs to withdraw: a key that can is a risk if it leaks.
      </p>
      {errors.general.length > 0 && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800 sm:col-span-2 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {errors.general.map((g) => <p key={g}>{g}</p>)}
        </div>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary" disabled={busy || venues.length === 0}>{busy ? `Verifying with ${name}…` : 'Add key'}</Button>
      </div>
    </form>
  );
}
