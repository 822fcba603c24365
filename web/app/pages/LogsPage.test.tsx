import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { LogsPage } from './LogsPage';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
let requested: string[] = [];

/** 250 entries, newest first: entry n is "message n" (249 the newest). */
function mockLogs() {
  requested = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const url = new URL(String(input), 'http://x');
    if (url.pathname === '/api/v1/bots') return json({ items: [], page: 0, size: 100, total: 0 });
    if (url.pathname !== '/api/v1/logs') return json({});
    requested.push(url.search);
    const page = Number(url.searchParams.get('page') ?? 0);
    const size = Number(url.searchParams.get('size') ?? 20);
    const items = Array.from({ length: 250 }, (_, i) => 249 - i).slice(page * size, page * size + size)
      .map((n) => ({ id: n, botId: null, level: 'INFO', message: `message ${n}`, createdAt: '2026-01-01T00:00:00Z' }));
    return json({ items, page, size, total: 250 });
  }));
}

function renderPage(path = '/logs') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}><Routes><Route path="/logs" element={<LogsPage />} /></Routes></MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('logs paging', () => {
  it('pages beyond the newest 100 entries and back', async () => {
    mockLogs();
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText('message 249')).toBeInTheDocument();
    expect(screen.getByTestId('log-range')).toHaveTextContent('1–100 of 250');
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('message 149')).toBeInTheDocument();
    expect(screen.queryByText('message 249')).not.toBeInTheDocument();
    expect(requested.at(-1)).toBe('?page=1&size=100');

    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('message 0')).toBeInTheDocument();
    expect(screen.getByTestId('log-range')).toHaveTextContent('201–250 of 250');
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByText('message 149')).toBeInTheDocument();
  });

  it('starts from the page in the URL and resets it when a filter changes', async () => {
    mockLogs();
    const user = userEvent.setup();
    renderPage('/logs?page=2');
    expect(await screen.findByText('message 49')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Level filter'), 'ERROR');
    await waitFor(() => expect(requested.at(-1)).toBe('?level=ERROR&size=100'));
  });
});
