// The login's second step (two-factor authentication on): a code of the authenticator app, or one recovery code.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { Button, Field, inputClass } from '../components/ui';
import { mapProblem } from '../lib/errors';

export function SecondStep({ challenge, completeLogin, restart }: {
  challenge: string;
  completeLogin: (challenge: string, answer: { code?: string; recoveryCode?: string }) => Promise<void>;
  /** Back to the password step, e.g. when the challenge expired (5 minutes). */
  restart: (message: string) => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRecovery ? 'recoveryCode' : 'code';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) { setError(useRecovery ? 'Type one of your recovery codes.' : 'Type the code your app shows.'); return; }
    setBusy(true);
    setError(null);
    try {
      await completeLogin(challenge, { [field]: value.trim() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) { restart(err.message); return; }
      if (err instanceof ApiError) {
        const mapped = mapProblem(err.problem, ['code', 'recoveryCode'], []);
        setError(mapped.fields[field] ?? (Object.values(mapped.fields)[0] || mapped.general.join(' ') || err.message));
      } else setError(String(err));
      setValue('');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-label="Second step">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {useRecovery ? 'Type one of the recovery codes you saved. Each works once.'
          : 'Type the 6-digit code your authenticator app shows for botfleet.'}
      </p>
      <Field label={useRecovery ? 'Recovery code' : 'Authenticator code'} htmlFor="second-factor" error={error ?? undefined}>
        <input id="second-factor" className={`${inputClass} font-mono`} value={value} autoFocus
          inputMode={useRecovery ? 'text' : 'numeric'} autoComplete="one-time-code" maxLength={useRecovery ? 24 : 7}
          aria-invalid={!!error} aria-describedby={error ? 'second-factor-error' : undefined}
          onChange={(e) => setValue(e.target.value)} />
      </Field>
      <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Checking…' : 'Verify'}</Button>
      <button type="button" className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
        onClick={() => { setUseRecovery(!useRecovery); setValue(''); setError(null); }}>
        {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
      </button>
    </form>
  );
}
