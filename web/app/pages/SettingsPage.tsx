// Account settings: change the password (a fresh token replaces the revoked one), sign out everywhere, delete the
// account after confirming the password.
import { useState, type FormEvent } from 'react';
import { api, ApiError, revokingTokens } from '../api/client';
import { useMe } from '../api/hooks';
import { useAuth } from '../auth/AuthContext';
import { useToast } from '../components/Toasts';
import { TelegramSection } from '../components/TelegramSection';
import { TwoFactorSection } from '../components/TwoFactorSection';
import { Button, Card, ConfirmDialog, Field, inputClass } from '../components/ui';
import { mapProblem } from '../lib/errors';

export const SIGNED_OUT_EVERYWHERE = 'You were signed out on every device. Log in again to continue.';
export const ACCOUNT_DELETED = 'Your account and everything it owned were deleted.';

interface Errors { fields: Record<string, string>; general: string | null }
const NONE: Errors = { fields: {}, general: null };

function toErrors(err: unknown, fields: string[]): Errors {
  if (err instanceof ApiError) {
    const mapped = mapProblem(err.problem, fields, []);
    return { fields: mapped.fields, general: mapped.general.join(' ') || null };
  }
  return { fields: {}, general: String(err) };
}

export function SettingsPage() {
  const { token } = useAuth();
  const me = useMe(token != null);
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <div>
        <h1 className="text-xl font-semibold">Account settings</h1>
        <p className="break-all text-sm text-slate-500" data-testid="settings-email">{me.data?.email ?? '…'}</p>
      </div>
      <ChangePassword />
      <TwoFactorSection />
      <TelegramSection />
      <SignOutEverywhere />
      <DeleteAccount />
    </div>
  );
}

function ChangePassword() {
  const { replaceToken } = useAuth();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>(NONE);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors(NONE);
    try {
      const answer = await revokingTokens(() => api<{ token: string; expiresAt: string }>('/me/password', {
        method: 'POST', json: { currentPassword: current, newPassword: next },
      }));
      replaceToken(answer.token);
      setCurrent('');
      setNext('');
      toast.success('Password changed. Every other session was signed out.');
    } catch (err) {
      setErrors(toErrors(err, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <h2 className="mb-3 font-semibold">Change password</h2>
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-label="Change password">
        <Field label="Current password" htmlFor="current-password" error={errors.fields.currentPassword}>
          <input id="current-password" type="password" autoComplete="current-password" className={inputClass} value={current}
            aria-invalid={!!errors.fields.currentPassword} aria-describedby={errors.fields.currentPassword ? 'current-password-error' : undefined}
            onChange={(e) => setCurrent(e.target.value)} required />
        </Field>
        <Field label="New password" htmlFor="new-password" error={errors.fields.newPassword}
          help="At least 10 characters, with a letter and a digit. Every other session is signed out.">
          <input id="new-password" type="password" autoComplete="new-password" className={inputClass} value={next}
            aria-invalid={!!errors.fields.newPassword} aria-describedby={errors.fields.newPassword ? 'new-password-error' : undefined}
            onChange={(e) => setNext(e.target.value)} required />
        </Field>
        {errors.general && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{errors.general}</p>}
        <Button type="submit" variant="primary" disabled={busy} className="self-start">
          {busy ? 'Changing…' : 'Change password'}
        </Button>
      </form>
    </Card>
  );
}

function SignOutEverywhere() {
  const { logout } = useAuth();
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card>
      <h2 className="mb-1 font-semibold">Sessions</h2>
      <p className="mb-3 text-sm text-slate-500">Signs out every browser and device logged in to this account, this one included.</p>
      {error && <p role="alert" className="mb-2 text-sm text-red-600">{error}</p>}
      <Button onClick={() => setConfirm(true)}>Sign out everywhere</Button>
      <ConfirmDialog open={confirm} title="Sign out everywhere?" confirm="Sign out everywhere"
        text="Every session of this account ends, this one too."
        onCancel={() => setConfirm(false)}
        onConfirm={async () => {
          setConfirm(false);
          setError(null);
          try {
            await revokingTokens(() => api<void>('/me/logout-all', { method: 'POST' }));
            logout(SIGNED_OUT_EVERYWHERE);
          } catch (err) {
            setError(toErrors(err, []).general);
          }
        }} />
    </Card>
  );
}

function DeleteAccount() {
  const { logout } = useAuth();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>(NONE);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors(NONE);
    try {
      await revokingTokens(() => api<void>('/me', { method: 'DELETE', json: { password } }));
      logout(ACCOUNT_DELETED);
    } catch (err) {
      setErrors(toErrors(err, ['password']));
      setBusy(false);
    }
  }

  return (
    <Card className="border-red-200 dark:border-red-900">
      <h2 className="mb-1 font-semibold text-red-700 dark:text-red-400">Delete account</h2>
      <p className="mb-3 text-sm text-slate-500">Stops every bot, then deletes the account with its bots, orders, fills, keys, activity and backtests. This cannot be undone.</p>
      {!open ? <Button variant="danger" onClick={() => setOpen(true)}>Delete account…</Button> : (
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate aria-label="Delete account">
          <Field label="Confirm with your password" htmlFor="delete-password" error={errors.fields.password}>
            <input id="delete-password" type="password" autoComplete="current-password" className={inputClass} value={password}
              aria-invalid={!!errors.fields.password} aria-describedby={errors.fields.password ? 'delete-password-error' : undefined}
              onChange={(e) => setPassword(e.target.value)} autoFocus required />
          </Field>
          {errors.general && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{errors.general}</p>}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={busy || password === ''}>{busy ? 'Deleting…' : 'Delete my account'}</Button>
            <Button onClick={() => { setOpen(false); setPassword(''); setErrors(NONE); }}>Cancel</Button>
          </div>
        </form>
      )}
    </Card>
  );
}
