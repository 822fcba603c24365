// Webhooks: add an endpoint (its signing secret shown once), list, enable/disable, delete, and each one's delivery log.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { WEBHOOK_EVENTS, webhooksApi, type CreatedWebhook, type Webhook, type WebhookEvent } from '../api/notifications';
import { Badge, Button, Card, ConfirmDialog, Empty, ErrorBox, Spinner, inputClass } from '../components/ui';

const KEY = ['webhooks'] as const;
/** How often an open delivery log asks again (deliveries are retried in the background). */
export const LOG_POLL_MS = 2_000;

function message(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return fields || err.message;
  }
  return String(err);
}

export function WebhooksPage() {
  const client = useQueryClient();
  const hooks = useQuery({ queryKey: KEY, queryFn: webhooksApi.list });
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: KEY });

  async function act(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await refresh();
    } catch (err) {
      setError(message(err));
    }
  }

  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-xl font-semibold">Webhooks</h1>
      <p className="text-sm text-slate-500">Your bots' events as signed JSON (HMAC-SHA256) to your HTTPS endpoints; see docs/notifications.md.</p>
      <AddWebhook onCreated={async (w) => { setCreated(w); await refresh(); }} />
      {created && (
        <Card data-testid="webhook-secret" className="border-amber-300">
          <p className="text-sm font-medium">Signing secret for {created.url}</p>
          <code className="my-2 block break-all rounded bg-slate-100 px-2 py-1 dark:bg-slate-800">{created.secret}</code>
          <p className="text-sm text-amber-700">Copy it now: it is not shown again.</p>
          <Button className="mt-2" onClick={() => setCreated(null)}>Done</Button>
        </Card>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
      {hooks.isPending ? <Spinner /> : hooks.error ? <ErrorBox error={hooks.error} /> : hooks.data.length === 0
        ? <Empty>No webhooks yet.</Empty>
        : hooks.data.map((w) => (
          <Card key={w.id} data-testid="webhook">
            <div className="flex flex-wrap items-center gap-2">
              <span className="break-all font-medium">{w.url}</span>
              <Badge tone={w.enabled ? 'emerald' : 'slate'}>{w.enabled ? 'enabled' : 'disabled'}</Badge>
              <div className="ml-auto flex gap-2">
                <Button onClick={() => act(() => webhooksApi.update(w, !w.enabled))}>{w.enabled ? 'Disable' : 'Enable'}</Button>
                <Button variant="danger" onClick={() => setDeleting(w)}>Delete</Button>
              </div>
            </div>
            <p className="mt-1 text-xs text-slate-500">{w.events.join(', ')}</p>
            <Deliveries webhook={w} />
          </Card>
        ))}
      <ConfirmDialog open={deleting != null} title="Delete webhook" text={`Delete ${deleting?.url ?? ''} and its delivery log?`}
        confirm="Delete" onCancel={() => setDeleting(null)}
        onConfirm={() => { const w = deleting; setDeleting(null); if (w) void act(() => webhooksApi.remove(w.id)); }} />
    </div>
  );
}

function AddWebhook({ onCreated }: { onCreated: (w: CreatedWebhook) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      onCreated(await webhooksApi.create(url.trim(), events));
      setUrl('');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (ev: WebhookEvent) => setEvents((es) => (es.includes(ev) ? es.filter((x) => x !== ev) : [...es, ev]));
  return (
    <Card>
      <form onSubmit={submit} className="flex flex-col gap-2">
        <label className="flex flex-col gap-1 text-sm">Endpoint URL
          <input aria-label="Endpoint URL" className={inputClass} value={url} placeholder="https://example.com/botfleet"
            onChange={(e) => setUrl(e.target.value)} />
        </label>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="flex items-center gap-1">
              <input type="checkbox" checked={events.includes(ev)} onChange={() => toggle(ev)} />{ev}
            </label>
          ))}
        </fieldset>
        {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
        <Button type="submit" variant="primary" className="self-start" disabled={busy}>Add webhook</Button>
      </form>
    </Card>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const [open, setOpen] = useState(false);
  const log = useQuery({
    queryKey: ['webhooks', webhook.id, 'deliveries'], queryFn: () => webhooksApi.deliveries(webhook.id),
    enabled: open, refetchInterval: open ? LOG_POLL_MS : false,
  });
  return (
    <div className="mt-2">
      <Button variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? 'Hide deliveries' : 'Show deliveries'}</Button>
      {open && (log.isPending ? <Spinner /> : log.error ? <ErrorBox error={log.error} /> : log.data.length === 0
        ? <p className="text-sm text-slate-500">No deliveries yet.</p>
        : (
          <table className="mt-1 w-full text-sm" data-testid="deliveries">
            <thead><tr className="text-left">
              <th>Event</th><th>Status</th><th>Attempts</th><th>Last answer</th><th>Queued</th></tr></thead>
            <tbody>
              {log.data.map((d) => (
                <tr key={d.id} data-testid="delivery" data-status={d.status} className="border-t border-slate-100 dark:border-slate-800">
                  <td>{d.event}</td>
                  <td><Badge tone={d.status === 'DELIVERED' ? 'emerald' : d.status === 'FAILED' ? 'red' : 'amber'}>{d.status}</Badge></td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? (d.lastStatusCode != null ? `HTTP ${d.lastStatusCode}` : '—')}</td>
                  <td>{new Date(d.createdAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
