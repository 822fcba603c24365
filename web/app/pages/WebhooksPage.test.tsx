import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WEBHOOK_EVENTS, type Webhook } from '../api/notifications';
import { WebhooksPage } from './WebhooksPage';

const json = (body: unknown, status = 200) => new Response(status === 204 ? null : JSON.stringify(body), {
  status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
});
const calls: { method: string; url: string; body: unknown }[] = [];
let hooks: Webhook[] = [];
const SECRET = 'whsec_abcdef0123456789';

function serve() {
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const url = String(input);
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/v1/webhooks' && method === 'GET') return json(hooks);
    if (url === '/api/v1/webhooks' && method === 'POST') {
      if (!String(body.url).startsWith('https://')) {
        return json({ status: 400, detail: 'url: must use https', errors: [{ field: 'url', message: 'must use https' }] }, 400);
      }
      const w = { id: 'w1', url: body.url, events: body.events, enabled: true, createdAt: '2026-12-03T10:00:00Z' };
      hooks = [w];
      return json({ ...w, secret: SECRET }, 201);
    }
    if (url === '/api/v1/webhooks/w1' && method === 'PUT') {
      hooks = [{ ...hooks[0], enabled: body.enabled }];
      return json(hooks[0]);
    }
    if (url === '/api/v1/webhooks/w1' && method === 'DELETE') { hooks = []; return json(null, 204); }
    if (url === '/api/v1/webhooks/w1/deliveries') {
      return json([{ id: 7, webhookId: 'w1', event: 'BOT_STARTED', status: 'FAILED', attempts: 6, lastStatusCode: 500,
        lastError: 'HTTP 500', nextAttemptAt: null, deliveredAt: null, failedAt: '2026-12-03T10:05:00Z', createdAt: '2026-12-03T10:00:00Z' },
      { id: 6, webhookId: 'w1', event: 'FILL', status: 'DELIVERED', attempts: 2, lastStatusCode: 200, lastError: null,
        nextAttemptAt: null, deliveredAt: '2026-12-03T10:01:00Z', failedAt: null, createdAt: '2026-12-03T10:00:00Z' }]);
    }
    return json({ status: 404, detail: 'not here' }, 404);
  }));
}

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}><WebhooksPage /></QueryClientProvider>);
}

beforeEach(() => { calls.length = 0; hooks = []; serve(); });
afterEach(() => { vi.unstubAllGlobals(); });

describe('Webhooks page', () => {
  it('adds an endpoint, shows its secret once, then lists it without the secret', async () => {
    show();
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Endpoint URL' }), 'https://example.com/hook');
    await userEvent.click(screen.getByRole('checkbox', { name: 'FILL' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent(SECRET);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ url: 'https://example.com/hook', events: WEBHOOK_EVENTS.filter((e) => e !== 'FILL'), enabled: true });
    expect(await screen.findByTestId('webhook')).toHaveTextContent('https://example.com/hook');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
  });

  it('names the refused field', async () => {
    show();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Endpoint URL' }), 'ftp://example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('url: must use https');
  });

  it('disables, shows the delivery log with status, attempts and last error, and deletes after confirming', async () => {
    hooks = [{ id: 'w1', url: 'https://example.com/a', events: ['FILL'], enabled: true, createdAt: '2026-12-03T10:00:00Z' }];
    show();
    const card = await screen.findByTestId('webhook');
    await userEvent.click(within(card).getByRole('button', { name: 'Disable' }));
    expect(await within(card).findByRole('button', { name: 'Enable' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ url: 'https://example.com/a', events: ['FILL'], enabled: false });

    await userEvent.click(within(card).getByRole('button', { name: 'Show deliveries' }));
    const rows = await screen.findAllByTestId('delivery');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-status', 'FAILED');
    expect(rows[0]).toHaveTextContent('BOT_STARTED');
    expect(rows[0]).toHaveTextContent('6');
    expect(rows[0]).toHaveTextContent('HTTP 500');
    expect(rows[1]).toHaveAttribute('data-status', 'DELIVERED');

    await userEvent.click(within(card).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.getByText('No webhooks yet.')).toBeInTheDocument());
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/webhooks/w1')).toBe(true);
  });
});
