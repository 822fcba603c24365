import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { Card, Spinner } from '../components/ui';
import { useAuth } from './AuthContext';
import { exchangeLoginCode } from './oidc';
import { SecondStep } from './SecondStep';

/**
 * Where the server sends the browser after a provider sign-in: /login/oidc?code=<one-time login code>. The code is
 * exchanged once for the usual token and removed from the address bar and history straight away.
 */
export function OidcLoginPage() {
  const [params] = useSearchParams();
  const { replaceToken, completeLogin } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  /** Two-factor authentication on: the provider sign-in was the first step, a code is the second. */
  const [challenge, setChallenge] = useState<string | null>(null);
  // the code works once: React's development double effect must not spend it twice
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = params.get('code');
    navigate('/login/oidc', { replace: true }); // out of the address bar and the history
    if (!code) {
      setError('This sign-in link has no login code. Please start again.');
      return;
    }
    exchangeLoginCode(code)
      .then((answer) => {
        if (answer.secondFactorRequired && answer.challenge) {
          setChallenge(answer.challenge);
          return;
        }
        replaceToken(answer.token!);
        navigate('/', { replace: true });
      })
      .catch((e: unknown) => {
        setError(e instanceof ApiError && e.status === 401
          ? 'This sign-in link has expired or was already used. Please sign in again.'
          : e instanceof Error ? e.message : String(e));
      });
  }, [params, replaceToken, navigate]);

  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <Card className="w-full max-w-sm">
        <h1 className="mb-3 text-2xl font-bold text-indigo-600 dark:text-indigo-400">botfleet</h1>
        {error ? (
          <>
            <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error}</p>
            <Link to="/login" replace className="text-sm text-indigo-600 underline dark:text-indigo-400">Back to the login page</Link>
          </>
        ) : challenge ? (
          <SecondStep challenge={challenge}
            completeLogin={async (c, answer) => { await completeLogin(c, answer); navigate('/', { replace: true }); }}
            restart={(message) => { setChallenge(null); setError(message); }} />
        ) : <Spinner label="Signing you in…" />}
      </Card>
    </div>
  );
}
