import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { confirmPasswordReset, PASSWORD_RESET_DONE } from '../api/passwordReset';
import { Button, Card, Field, inputClass } from '../components/ui';
import { mapProblem } from '../lib/errors';

/** The page the mail's link opens (/reset-password?token=...): choose a new password, then log in with it. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [linkDead, setLinkDead] = useState(!token);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    if (password !== repeat) {
      setFieldErrors({ repeat: 'does not match the new password' });
      return;
    }
    setBusy(true);
    try {
      await confirmPasswordReset(token, password);
      navigate('/login', { replace: true, state: { notice: PASSWORD_RESET_DONE } });
    } catch (err) {
      if (err instanceof ApiError && err.problem.code === 'RESET_TOKEN_INVALID') setLinkDead(true);
      else if (err instanceof ApiError) {
        const mapped = mapProblem(err.problem, ['newPassword'], []);
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
        <h1 className="mb-4 text-2xl font-bold text-indigo-600 dark:text-indigo-400">Choose a new password</h1>
        {linkDead ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            This reset link is unknown, already used or expired.{' '}
            <Link to="/forgot-password" className="font-medium underline">Ask for a new one</Link>.
          </p>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
            <Field label="New password" htmlFor="new-password" error={fieldErrors.newPassword}
              help="At least 10 characters, with a letter and a digit.">
              <input id="new-password" type="password" autoComplete="new-password" className={inputClass} value={password}
                aria-invalid={!!fieldErrors.newPassword} onChange={(e) => setPassword(e.target.value)} required />
            </Field>
            <Field label="Repeat the new password" htmlFor="repeat-password" error={fieldErrors.repeat}>
              <input id="repeat-password" type="password" autoComplete="new-password" className={inputClass} value={repeat}
                aria-invalid={!!fieldErrors.repeat} onChange={(e) => setRepeat(e.target.value)} required />
            </Field>
            {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
            <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Please wait…' : 'Set new password'}</Button>
          </form>
        )}
        <Link to="/login" className="mt-4 block text-sm text-indigo-600 hover:underline dark:text-indigo-400">Back to log in</Link>
      </Card>
    </div>
  );
}
