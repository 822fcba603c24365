import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { requestPasswordReset } from '../api/passwordReset';
import { Button, Card, Field, inputClass } from '../components/ui';
import { mapProblem } from '../lib/errors';

/** Asks for a reset link. The answer is the server's neutral message: it never says whether the address is known. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      setSent((await requestPasswordReset(email)).message);
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = mapProblem(err.problem, ['email'], []);
        setFieldError(mapped.fields.email);
        setError(mapped.general.join(' ') || null);
      } else setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-bold text-indigo-600 dark:text-indigo-400">Forgot your password?</h1>
        {sent ? (
          <p role="status" className="mb-4 text-sm">{sent}</p>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-500">Enter your account's email: we send a link to choose a new password.</p>
            <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
              <Field label="Email" htmlFor="reset-email" error={fieldError}>
                <input id="reset-email" type="email" autoComplete="username" className={inputClass} value={email}
                  aria-invalid={!!fieldError} onChange={(e) => setEmail(e.target.value)} required />
              </Field>
              {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
              <Button type="submit" variant="primary" disabled={busy}>{busy ? 'Please wait…' : 'Send reset link'}</Button>
            </form>
          </>
        )}
        <Link to="/login" className="mt-4 block text-sm text-indigo-600 hover:underline dark:text-indigo-400">Back to log in</Link>
      </Card>
    </div>
  );
}
