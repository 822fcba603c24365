// Settings → Two-factor authentication: set up (the secret and otpauth URI as text for the authenticator app),
// confirm with a code, the recovery codes shown once, the two requirements, and turning it off.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { twoFactorApi, twoFactorKey, useTwoFactor, type TwoFactorSetup, type TwoFactorStatus } from '../api/twoFactor';
import { mapProblem } from '../lib/errors';
import { useToast } from './Toasts';
import { Button, Card, Field, inputClass } from './ui';

function problemText(err: unknown, field?: string): string {
  if (!(err instanceof ApiError)) return String(err);
  const mapped = mapProblem(err.problem, field ? [field] : [], []);
  return (field && mapped.fields[field]) || Object.values(mapped.fields)[0] || mapped.general.join(' ') || err.message;
}

export function TwoFactorSection() {
  const status = useTwoFactor();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Card>
      <h2 className="mb-1 font-semibold">Two-factor authentication</h2>
      {codes ? <RecoveryCodes codes={codes} done={() => setCodes(null)} />
        : !status.data ? <p className="text-sm text-slate-500">{status.isError ? 'Cannot load the settings.' : 'Loading…'}</p>
          : status.data.enabled ? <Enabled status={status.data} />
            : <Setup onEnabled={setCodes} />}
    </Card>
  );
}

function Setup({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const qc = useQueryClient();
  const [setup, setSetup] = useState<TwoFactorSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setError(null);
    try {
      setSetup(await twoFactorApi.setup());
    } catch (err) {
      setError(problemText(err));
    }
  }

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await twoFactorApi.enable(code.replace(/\s/g, ''));
      onEnabled(answer.recoveryCodes);
      void qc.invalidateQueries({ queryKey: twoFactorKey });
    } catch (err) {
      setError(problemText(err, 'code'));
    } finally {
      setBusy(false);
    }
  }

  if (!setup) {
    return (
      <>
        <p className="mb-3 text-sm text-slate-500">Off. With it on, logging in asks for a code of an authenticator app
          (any TOTP app) after the password, and you can require a code for LIVE trading and for adding keys.</p>
        {error && <p role="alert" className="mb-2 text-sm text-red-600">{error}</p>}
        <Button onClick={start}>Set up two-factor authentication</Button>
      </>
    );
  }
  return (
    <form onSubmit={confirm} className="flex flex-col gap-3" noValidate aria-label="Confirm two-factor setup">
      <p className="text-sm text-slate-500">Add this account to your authenticator app with the secret (or the URI), then
        type the code it shows.</p>
      <div className="text-sm">
        <p className="font-medium">Secret</p>
        <p className="break-all font-mono" data-testid="totp-secret">{setup.secret}</p>
        <p className="mt-2 font-medium">otpauth URI</p>
        <p className="break-all font-mono text-xs" data-testid="totp-uri">{setup.otpauthUri}</p>
      </div>
      <Field label="Code from the app" htmlFor="totp-enable-code" error={error ?? undefined}>
        <input id="totp-enable-code" className={`${inputClass} font-mono`} inputMode="numeric" autoComplete="one-time-code"
          maxLength={7} value={code} aria-invalid={!!error} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <Button type="submit" variant="primary" disabled={busy || code.trim() === ''} className="self-start">
        {busy ? 'Checking…' : 'Turn on'}
      </Button>
    </form>
  );
}

function RecoveryCodes({ codes, done }: { codes: string[]; done: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm font-medium text-emerald-700 dark:text-emerald-400">Two-factor authentication is on.</p>
      <p className="text-sm text-slate-500">Save these recovery codes somewhere safe. Each logs you in once without the app.
        They are shown only now.</p>
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm" aria-label="Recovery codes">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
      <Button onClick={done} className="self-start">I saved them</Button>
    </div>
  );
}

function Enabled({ status }: { status: TwoFactorStatus }) {
  const qc = useQueryClient();
  const toast = useToast();
  const [pending, setPending] = useState<{ requireForLive: boolean; requireForKeys: boolean } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(next: { requireForLive: boolean; requireForKeys: boolean }, otp?: string) {
    setError(null);
    // turning a requirement off needs a code: ask for it first
    const loosening = (status.requireForLive && !next.requireForLive) || (status.requireForKeys && !next.requireForKeys);
    if (loosening && !otp) { setPending(next); setCode(''); return; }
    try {
      const saved = await twoFactorApi.requirements(next, otp);
      qc.setQueryData(twoFactorKey, saved);
      setPending(null);
      toast.success('Two-factor requirements saved');
    } catch (err) {
      setError(problemText(err));
    }
  }

  const shown = pending ?? status;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-emerald-700 dark:text-emerald-400">On. Recovery codes left: <strong data-testid="recovery-left">{status.recoveryCodesLeft}</strong></p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-indigo-600" checked={shown.requireForLive}
          onChange={(e) => void save({ requireForLive: e.target.checked, requireForKeys: shown.requireForKeys })} />
        Require a code to create or start LIVE bots
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4 accent-indigo-600" checked={shown.requireForKeys}
          onChange={(e) => void save({ requireForLive: shown.requireForLive, requireForKeys: e.target.checked })} />
        Require a code to add exchange keys
      </label>
      {pending && (
        <form className="flex flex-wrap items-end gap-2" aria-label="Confirm requirement change" noValidate
          onSubmit={(e) => { e.preventDefault(); void save(pending, code.trim()); }}>
          <Field label="Code to turn a requirement off" htmlFor="totp-requirements-code">
            <input id="totp-requirements-code" className={`${inputClass} font-mono`} inputMode="numeric" maxLength={7}
              autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Button type="submit" variant="primary" disabled={code.trim() === ''}>Confirm</Button>
          <Button onClick={() => { setPending(null); setError(null); }}>Cancel</Button>
        </form>
      )}
      {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
      <Disable />
    </div>
  );
}

function Disable() {
  const qc = useQueryClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral(null);
    const trimmed = code.trim();
    // a recovery code has letters and dashes; an app's code is six digits
    const answer = /^[\d\s]+$/.test(trimmed) ? { code: trimmed } : { recoveryCode: trimmed };
    try {
      await twoFactorApi.disable({ password, ...answer });
      setOpen(false);
      toast.success('Two-factor authentication is off');
      void qc.invalidateQueries({ queryKey: twoFactorKey });
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = mapProblem(err.problem, ['password', 'code', 'recoveryCode'], []);
        setErrors({ password: mapped.fields.password, code: mapped.fields.code ?? mapped.fields.recoveryCode });
        setGeneral(mapped.general.join(' ') || null);
      } else setGeneral(String(err));
    }
  }

  if (!open) return <Button variant="danger" className="self-start" onClick={() => setOpen(true)}>Turn off…</Button>;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-label="Turn off two-factor authentication">
      <Field label="Password" htmlFor="totp-disable-password" error={errors.password}>
        <input id="totp-disable-password" type="password" autoComplete="current-password" className={inputClass}
          value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field label="Code from the app (or a recovery code)" htmlFor="totp-disable-code" error={errors.code}>
        <input id="totp-disable-code" className={`${inputClass} font-mono`} autoComplete="one-time-code" value={code}
          onChange={(e) => setCode(e.target.value)} />
      </Field>
      {general && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{general}</p>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={password === '' || code.trim() === ''}>Turn off</Button>
        <Button onClick={() => { setOpen(false); setErrors({}); setGeneral(null); }}>Cancel</Button>
      </div>
    </form>
  );
}
