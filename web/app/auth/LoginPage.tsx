import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { Button, Card, Field, inputClass } from '../components/ui';
import { mapProblem } from '../lib/errors';
import { useAuth } from './AuthContext';
import { OidcButtons } from './OidcButtons';
import { oidcErrorMessage } from './oidc';
import { SecondStep } from './SecondStep';

export function LoginPage() {
  const { token, notice, login, completeLogin, register } = useAuth();
  const location = useLocation();
  const oidcError = useSearchParams()[0].get('oidcError');
  const [mode, setMode] = useState<'login' | 'register'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const done = (location.state as { notice?: string } | null)?.notice; // e.g. after a password reset
  /** Set after the right password when the account has two-factor authentication on. */
  const [challenge, setChallenge] = useState<string | null>(null);

  if (token) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      if (mode === 'login') setChallenge(await login(email, password));
      else await register(email, password);
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = mapProblem(err.problem, ['email', 'password'], []);
        setFieldErrors(mapped.fields);
        setError(mapped.general.join(' ') || null);
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-bold text-indigo-600 dark:text-indigo-400">botfleet</h1>
        <p className="mb-4 text-sm text-slate-500">Your fleet of trading bots.</p>
        {oidcError && <div role="alert" data-oidc-error className="mb-3 rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{oidcErrorMessage(oidcError)}</div>}
        {done && mode === 'login' && <div role="status" className="mb-3 rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{done}</div>}
        {notice && <div role="alert" data-notice className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{notice}</div>}
        <div className="mb-4 grid grid-cols-2 rounded-md bg-slate-100 p-1 text-sm dark:bg-slate-800" role="tablist">
          {(['login', 'register'] as const).map((m) => (
            <button key={m} role="tab" aria-selected={mode === m} onClick={() => { setMode(m); setError(null); setFieldErrors({}); }}
              className={`rounded py-1.5 font-medium ${mode === m ? 'bg-white shadow dark:bg-slate-700' : ''}`}>
              {m === 'login' ? 'Log in' : 'Register'}
            </button>
          ))}
        </div>
        {challenge ? (
          <SecondStep challenge={challenge} completeLogin={completeLogin}
            restart={(message) => { setChallenge(null); setPassword(''); setError(message); }} />
        ) : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <Field label="Email" htmlFor="email" error={fieldErrors.email}>
            <input id="email" type="email" autoComplete="username" className={inputClass} value={email}
              aria-invalid={!!fieldErrors.email} onChange={(e) => setEmail(e.target.value)} required />
          </Field>
          <Field label="Password" htmlFor="password" error={fieldErrors.password}>
            <input id="password" type="password" autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
              className={inputClass} value={password} aria-invalid={!!fieldErrors.password}
              onChange={(e) => setPassword(e.target.value)} required />
          </Field>
          {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Please wait…' : mode === 'login' ? 'Log in' : 'Create account'}
          </Button>
          {mode === 'login' && <Link to="/forgot-password" className="text-center text-sm text-indigo-600 hover:underline dark:text-indigo-400">Forgot password?</Link>}
        </form>
        )}
        {!challenge && <OidcButtons />}
      </Card>
    </div>
  );
}
