import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from './Toasts';
import { TwoFactorSection } from './TwoFactorSection';

const json = (body: unknown, status = 200) => new Response(status === 204 ? null : JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
type Call = { method: string; url: string; body: Record<string, unknown> | undefined; otp: string | null };
const calls: Call[] = [];
const OFF = { enabled: false, requireForLive: false, requireForKeys: false, recoveryCodesLeft: 0 };
const ON = { enabled: true, requireForLive: true, requireForKeys: false, recoveryCodesLeft: 10 };
const CODES = Array.from({ length: 10 }, (_, i) => `aaaa-bbbb-cccc-ddd${'234567ab'[i % 8]}${i}`);

function serve(handler: (c: Call) => Response | undefined) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const call = { method: init.method ?? 'GET', url: String(input), body: init.body ? JSON.parse(String(init.body)) : undefined,
      otp: new Headers(init.headers).get('X-Botfleet-OTP') };
    calls.push(call);
    return handler(call) ?? json({ status: 404, detail: 'not here' }, 404);
  }));
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><ToastProvider><TwoFactorSection /></ToastProvider></QueryClientProvider>);
}

beforeEach(() => { calls.length = 0; });
afterEach(() => { vi.unstubAllGlobals(); });

describe('two-factor section', () => {
  it('sets up with the secret and URI as text, confirms a code and shows the recovery codes once', async () => {
    let status = OFF;
    serve(({ method, url, body }) => {
      if (url === '/api/v1/me/2fa') return json(status);
      if (method === 'POST' && url === '/api/v1/me/2fa/setup') {
        return json({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/botfleet:ada@example.com?secret=JBSWY3DPEHPK3PXP&issuer=botfleet' });
      }
      if (method === 'POST' && url === '/api/v1/me/2fa/enable') {
        if (body?.code !== '123456') {
          return json({ status: 400, code: 'VALIDATION_ERROR', errors: [{ field: 'code', message: 'is not the current code of your authenticator app' }] }, 400);
        }
        status = { ...OFF, enabled: true, recoveryCodesLeft: 10 };
        return json({ recoveryCodes: CODES });
      }
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Set up two-factor authentication' }));
    expect(await screen.findByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    expect(screen.getByTestId('totp-uri')).toHaveTextContent('otpauth://totp/botfleet:ada@example.com?secret=JBSWY3DPEHPK3PXP&issuer=botfleet');

    await userEvent.type(screen.getByLabelText('Code from the app'), '999999');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('is not the current code of your authenticator app')).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Code from the app'));
    await userEvent.type(screen.getByLabelText('Code from the app'), '123 456');
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(list).toHaveTextContent(CODES[0]);
    expect(calls.find((c) => c.url.endsWith('/enable') && c.body?.code === '123456')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'I saved them' }));
    expect(await screen.findByTestId('recovery-left')).toHaveTextContent('10');
    expect(screen.queryByText(CODES[0])).not.toBeInTheDocument();
  });

  it('turns a requirement on at once but asks for a code to turn one off', async () => {
    let status = ON;
    serve(({ method, url, body }) => {
      if (url === '/api/v1/me/2fa' && method === 'GET') return json(status);
      if (method === 'PUT' && url === '/api/v1/me/2fa/requirements') {
        status = { ...status, requireForLive: body?.requireForLive as boolean, requireForKeys: body?.requireForKeys as boolean };
        return json(status);
      }
    });
    show();
    await userEvent.click(await screen.findByLabelText('Require a code to add exchange keys'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.at(-1)).toMatchObject({ body: { requireForLive: true, requireForKeys: true }, otp: null });

    await userEvent.click(screen.getByLabelText('Require a code to create or start LIVE bots'));
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1); // nothing sent before the code
    await userEvent.type(await screen.findByLabelText('Code to turn a requirement off'), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.at(-1)).toMatchObject({ body: { requireForLive: false, requireForKeys: true }, otp: '654321' });
    await waitFor(() => expect(screen.getByLabelText('Require a code to create or start LIVE bots')).not.toBeChecked());
  });

  it('turns off with the password and a code, or a recovery code', async () => {
    let status = ON;
    serve(({ method, url, body }) => {
      if (url === '/api/v1/me/2fa' && method === 'GET') return json(status);
      if (method === 'POST' && url === '/api/v1/me/2fa/disable') {
        if (body?.password !== 'right-password-1') {
          return json({ status: 400, code: 'VALIDATION_ERROR', errors: [{ field: 'password', message: 'does not match your current password' }] }, 400);
        }
        status = OFF;
        return json(null, 204);
      }
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Turn off…' }));
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.type(screen.getByLabelText('Code from the app (or a recovery code)'), 'abcd-efgh-ijkl-mnop');
    await userEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(await screen.findByText('does not match your current password')).toBeInTheDocument();
    expect(calls.at(-1)?.body).toEqual({ password: 'wrong', recoveryCode: 'abcd-efgh-ijkl-mnop' });

    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'right-password-1');
    await userEvent.clear(screen.getByLabelText('Code from the app (or a recovery code)'));
    await userEvent.type(screen.getByLabelText('Code from the app (or a recovery code)'), '111222');
    await userEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(await screen.findByRole('button', { name: 'Set up two-factor authentication' })).toBeInTheDocument();
    expect(calls.filter((c) => c.url.endsWith('/disable')).at(-1)?.body).toEqual({ password: 'right-password-1', code: '111222' });
  });
});
