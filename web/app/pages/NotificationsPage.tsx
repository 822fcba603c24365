// Notifications: which alerts go to which channel (defaults for all bots, per-bot overrides) and the daily summary.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useBots } from '../api/hooks';
import {
  CHANNEL_LABEL, CHANNELS, KIND_LABEL, KINDS, muted, notificationsApi, overrideOf, timeZones, withOverride,
  type AlertKind, type Channel, type Preferences,
} from '../api/notifications';
import { Button, Card, ErrorBox, Spinner, inputClass } from '../components/ui';

const KEY = ['notifications', 'preferences'] as const;
export const SAVED = 'Saved.';

export function NotificationsPage() {
  const client = useQueryClient();
  const prefs = useQuery({ queryKey: KEY, queryFn: notificationsApi.preferences });
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => { if (prefs.data) setDraft(prefs.data); }, [prefs.data]);

  if (prefs.isPending) return <Spinner />;
  if (prefs.error) return <ErrorBox error={prefs.error} />;
  if (!draft) return <Spinner />;
  const change = (p: Partial<Preferences>) => { setDraft({ ...draft, ...p }); setStatus(null); };

  async function save() {
    if (!draft) return;
    setSaving(true);
    try {
      const { emailEnabled: _ignored, ...input } = draft;
      const saved = await notificationsApi.save(input);
      client.setQueryData(KEY, saved);
      setStatus({ ok: true, text: SAVED });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <h1 className="text-xl font-semibold">Notifications</h1>
      <Card data-testid="alert-defaults">
        <h2 className="mb-1 font-semibold">Alerts for all bots</h2>
        {!draft.emailEnabled && (
          <p data-testid="email-off" className="mb-2 text-sm text-slate-500">
            Email is off on this server (botfleet.mail.enabled): email choices are kept but nothing is mailed.
          </p>
        )}
        <Matrix label="default" value={(c, k) => draft.defaults[c][k]}
          onChange={(c, k, v) => change({ defaults: { ...draft.defaults, [c]: { ...draft.defaults[c], [k]: v } } })} />
      </Card>
      <Card data-testid="daily-summary">
        <h2 className="mb-2 font-semibold">Daily summary</h2>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">Hour
            <select aria-label="Summary hour" className={inputClass} value={draft.dailySummaryHour ?? ''}
              onChange={(e) => change({ dailySummaryHour: e.target.value === '' ? null : Number(e.target.value) })}>
              <option value="">No summary</option>
              {Array.from({ length: 24 }, (_, h) => <option key={h} value={h}>{String(h).padStart(2, '0')}:00</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1">Time zone
            <input aria-label="Time zone" list="time-zones" className={inputClass} value={draft.timeZone}
              onChange={(e) => change({ timeZone: e.target.value })} />
            <datalist id="time-zones">{timeZones().map((z) => <option key={z} value={z} />)}</datalist>
          </label>
        </div>
        <p className="mt-2 text-xs text-slate-500">Bots running, fills and realized PnL of the last 24 hours, once a day.</p>
      </Card>
      <BotOverrides draft={draft} onChange={change} />
      <div className="flex items-center gap-3">
        <Button variant="primary" onClick={save} disabled={saving}>Save</Button>
        {status && <p role={status.ok ? 'status' : 'alert'}
          className={`text-sm ${status.ok ? 'text-emerald-700' : 'text-red-600'}`}>{status.text}</p>}
      </div>
    </div>
  );
}

function Matrix({ label, value, onChange }: {
  label: string; value: (c: Channel, k: AlertKind) => boolean | undefined;
  onChange: (c: Channel, k: AlertKind, v: boolean) => void;
}) {
  return (
    <table className="w-full text-sm">
      <thead><tr><th className="text-left font-medium">Alert</th>
        {CHANNELS.map((c) => <th key={c} className="px-2 font-medium">{CHANNEL_LABEL[c]}</th>)}</tr></thead>
      <tbody>
        {KINDS.map((k) => (
          <tr key={k} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1">{KIND_LABEL[k]}</td>
            {CHANNELS.map((c) => (
              <td key={c} className="text-center">
                <input type="checkbox" aria-label={`${KIND_LABEL[k]} by ${CHANNEL_LABEL[c]} (${label})`}
                  checked={value(c, k) === true} onChange={(e) => onChange(c, k, e.target.checked)} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BotOverrides({ draft, onChange }: { draft: Preferences; onChange: (p: Partial<Preferences>) => void }) {
  const bots = useBots();
  const [botId, setBotId] = useState('');
  const list = bots.data?.items ?? [];
  const name = (id: string) => list.find((b) => String(b.id) === id)?.name ?? id;
  const withChoices = [...new Set(draft.overrides.map((o) => o.botId))];
  const set = (c: Channel, k: AlertKind, v: string) =>
    onChange({ overrides: withOverride(draft.overrides, botId, c, k, v === '' ? undefined : v === 'on') });

  return (
    <Card data-testid="bot-overrides">
      <h2 className="mb-1 font-semibold">Per bot</h2>
      <p className="mb-2 text-sm text-slate-500">A bot's own choice wins over the choice for all bots.</p>
      {withChoices.length > 0 && (
        <ul className="mb-2 text-sm">
          {withChoices.map((id) => (
            <li key={id} className="flex items-center gap-2">
              <span>{name(id)}: {draft.overrides.filter((o) => o.botId === id && !o.enabled).length} off,
                {' '}{draft.overrides.filter((o) => o.botId === id && o.enabled).length} on</span>
              <Button variant="ghost" onClick={() => onChange({ overrides: draft.overrides.filter((o) => o.botId !== id) })}>
                Clear {name(id)}</Button>
            </li>
          ))}
        </ul>
      )}
      <label className="flex items-center gap-2 text-sm">Bot
        <select aria-label="Bot" className={inputClass} value={botId} onChange={(e) => setBotId(e.target.value)}>
          <option value="">Choose a bot…</option>
          {list.map((b) => <option key={b.id} value={String(b.id)}>{b.name}</option>)}
        </select>
      </label>
      {botId && (
        <div className="mt-2 flex flex-col gap-2">
          <Button className="self-start" onClick={() => onChange({ overrides: muted(draft.overrides, botId) })}>
            Mute {name(botId)}</Button>
          <table className="w-full text-sm">
            <thead><tr><th className="text-left font-medium">Alert</th>
              {CHANNELS.map((c) => <th key={c} className="px-2 font-medium">{CHANNEL_LABEL[c]}</th>)}</tr></thead>
            <tbody>
              {KINDS.map((k) => (
                <tr key={k}>
                  <td className="py-1">{KIND_LABEL[k]}</td>
                  {CHANNELS.map((c) => {
                    const o = overrideOf(draft, botId, c, k);
                    return (
                      <td key={c} className="px-1">
                        <select aria-label={`${KIND_LABEL[k]} by ${CHANNEL_LABEL[c]} for ${name(botId)}`} className={inputClass}
                          value={o === undefined ? '' : o ? 'on' : 'off'} onChange={(e) => set(c, k, e.target.value)}>
                          <option value="">Default ({draft.defaults[c][k] ? 'on' : 'off'})</option>
                          <option value="on">On</option>
                          <option value="off">Off</option>
                        </select>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
