// Where the user's two-factor requirements ask for a code: the LIVE confirmation, the add-key form, and starting a
// LIVE bot (the server's TOTP_REQUIRED answered with a prompt). fetch mocked at the client boundary.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardedApi } from '../api/twoFactor';
import type { BotInput, Exchange } from '../api/types';
import { AddKeyForm } from './AddKeyForm';
import { useCodePrompt } from './CodePrompt';
import { LiveConfirmDialog } from './LiveConfirmDialog';
import { ToastProvider } from './Toasts';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
type Call = { method: string; url: string; otp: string | null };
const calls: Call[] = [];
const settings = (requireForLive: boolean, requireForKeys: boolean) =>
  ({ enabled: requireForLive || requireForKeys, requireForLive, requireForKeys, recoveryCodesLeft: 10 });
const BINANCE = { id: 'binance', name: 'Binance', liveTrading: true, paperTrading: true, testnet: false, status: 'READY',
  statusReason: null, symbols: [] } as unknown as Exchange;
const KEY = { id: 'k1', exchange: 'binance', label: 'main', apiKeyMasked: '****abcd', testnet: false, canTrade: true,
  canWithdraw: false, verifiedAt: null, warnings: [], createdAt: '2026-03-01T10:00:00Z' };
const INPUT = { name: 'live scalper', exchange: 'binance', symbol: 'BTC/USDT', strategy: 'scalper', mode: 'LIVE',
  config: {}, credentialId: 'k1' } as unknown as BotInput;

function serve(twoFactor: ReturnType<typeof settings>, handler: (c: Call) => Response | undefined = () => undefined) {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const call = { method: init.method ?? 'GET', url: String(input), otp: new Headers(init.headers).get('X-Botfleet-OTP') };
    calls.push(call);
    if (call.url === '/api/v1/me/2fa') return json(twoFactor);
    if (call.url === '/api/v1/credentials' && call.method === 'GET') return json([KEY]);
    return handler(call) ?? json({ status: 404, detail: 'not here' }, 404);
  }));
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><ToastProvider>{children}</ToastProvider></QueryClientProvider>);
}

beforeEach(() => { calls.length = 0; });
afterEach(() => { vi.unstubAllGlobals(); });

describe('LIVE confirmation', () => {
  it('asks for the code when LIVE trading requires it and hands it over', async () => {
    serve(settings(true, false));
    const onConfirm = vi.fn();
    wrap(<LiveConfirmDialog input={INPUT} venue={BINANCE} editing={false} onConfirm={onConfirm} onCancel={() => {}} />);
    await userEvent.type(await screen.findByLabelText('Authenticator code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Create live bot' }));
    expect(onConfirm).toHaveBeenCalledWith(INPUT, '123456');
  });

  it('asks nothing when LIVE trading does not require a code', async () => {
    serve(settings(false, true));
    const onConfirm = vi.fn();
    wrap(<LiveConfirmDialog input={INPUT} venue={BINANCE} editing={false} onConfirm={onConfirm} onCancel={() => {}} />);
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/me/2fa')).toBe(true));
    expect(screen.queryByLabelText('Authenticator code')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create live bot' }));
    expect(onConfirm).toHaveBeenCalledWith(INPUT, undefined);
  });
});

describe('add key form', () => {
  it('sends the code in X-Botfleet-OTP when adding keys requires it, and shows a refused code under the field', async () => {
    let answers = 0;
    serve(settings(false, true), (c) => {
      if (c.method !== 'POST' || c.url !== '/api/v1/credentials') return undefined;
      answers++;
      return answers === 1
        ? json({ status: 403, code: 'TOTP_INVALID', detail: 'The X-Botfleet-OTP code was already used; wait for the next code' }, 403)
        : json(KEY, 201);
    });
    const onAdded = vi.fn();
    wrap(<AddKeyForm venues={[BINANCE]} onAdded={onAdded} />);
    await userEvent.type(screen.getByLabelText('API key'), 'key-123456789012');
    await userEvent.type(screen.getByLabelText('API secret'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(await screen.findByText('Type the code your authenticator app shows.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText('Authenticator code'), '111111');
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    expect(await screen.findByText(/already used/)).toBeInTheDocument();
    expect(screen.getByLabelText('Authenticator code')).toHaveValue('');
    await userEvent.type(screen.getByLabelText('Authenticator code'), '222222');
    await userEvent.click(screen.getByRole('button', { name: 'Add key' }));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.otp)).toEqual(['111111', '222222']);
  });

  it('has no code field when adding keys needs none', async () => {
    serve(settings(true, false));
    wrap(<AddKeyForm venues={[BINANCE]} onAdded={() => {}} />);
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/me/2fa')).toBe(true));
    expect(screen.queryByLabelText('Authenticator code')).not.toBeInTheDocument();
  });
});

function StartButton({ onStarted }: { onStarted: (status: string) => void }) {
  const prompt = useCodePrompt('start a LIVE bot');
  return (
    <>
      {prompt.dialog}
      <button onClick={() => void prompt.run((otp) => guardedApi.startBot('b1', otp)).then((b) => onStarted(b.status), () => {})}>Start</button>
    </>
  );
}

describe('starting a LIVE bot', () => {
  it('prompts for a code on TOTP_REQUIRED and retries with it', async () => {
    serve(settings(true, false), (c) => (c.url === '/api/v1/bots/b1/start'
      ? (c.otp ? json({ id: 'b1', status: 'ACTIVE' }) : json({ status: 403, code: 'TOTP_REQUIRED', detail: 'needs a code' }, 403))
      : undefined));
    const onStarted = vi.fn();
    wrap(<StartButton onStarted={onStarted} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await userEvent.type(await screen.findByLabelText('Code'), '424242');
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('ACTIVE'));
    expect(calls.filter((c) => c.url === '/api/v1/bots/b1/start').map((c) => c.otp)).toEqual([null, '424242']);
  });
});
