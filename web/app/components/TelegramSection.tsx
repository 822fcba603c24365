// Settings > Telegram: connect a chat with a one-time code, see the linked chat, disconnect, choose the alerts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  ALERTS, countdown, isTelegramOff, telegramApi, telegramError, TELEGRAM_OFF, type AlertChoice, type LinkCode, type TelegramState,
} from '../lib/telegram';
import { Button, Card, Spinner } from './ui';

const STATE_KEY = ['telegram'] as const;
const ALERTS_KEY = ['telegram', 'alerts'] as const;
/** How often the page asks whether the chat sent /start while a code is shown. */
export const LINK_POLL_MS = 2_000;

export function TelegramSection() {
  const client = useQueryClient();
  const [code, setCode] = useState<LinkCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [off, setOff] = useState(false);
  const state = useQuery({
    queryKey: STATE_KEY, queryFn: telegramApi.state,
    refetchInterval: (q) => (code && !q.state.data?.linked ? LINK_POLL_MS : false),
  });
  const linked = state.data?.linked === true;
  useEffect(() => { if (linked) setCode(null); }, [linked]);

  async function connect() {
    setError(null);
    try {
      setCode(await telegramApi.linkCode());
    } catch (err) {
      if (isTelegramOff(err)) setOff(true);
      else setError(telegramError(err));
    }
  }

  async function disconnect() {
    setError(null);
    try {
      await telegramApi.unlink();
      client.setQueryData<TelegramState>(STATE_KEY, (s) => s && { ...s, linked: false, chatTitle: null, linkedAt: null });
    } catch (err) {
      setError(telegramError(err));
    }
  }

  let body;
  if (state.isPending) body = <Spinner />;
  else if (state.error) body = <p role="alert" className="text-sm text-red-600">{telegramError(state.error)}</p>;
  else if (off || state.data?.enabled === false) body = <p data-testid="telegram-off" className="text-sm text-slate-600 dark:text-slate-300">{TELEGRAM_OFF}</p>;
  else if (linked) body = (
    <div className="flex flex-col gap-3">
      <p className="text-sm"><span className="font-medium text-emerald-700 dark:text-emerald-400">Connected</span>
        {' '}to <span data-testid="telegram-chat" className="font-medium">{state.data?.chatTitle ?? 'your chat'}</span>.</p>
      <Button onClick={disconnect} className="self-start">Disconnect</Button>
      <AlertToggles onError={setError} />
    </div>
  );
  else if (code) body = <CodeShown code={code} onNew={connect} />;
  else body = (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-500">Get alerts about your bots and control them from a private Telegram chat.</p>
      <Button variant="primary" onClick={connect} className="self-start">Connect Telegram</Button>
    </div>
  );

  return (
    <Card data-testid="telegram">
      <h2 className="mb-2 font-semibold">Telegram</h2>
      {body}
      {error && <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">{error}</p>}
    </Card>
  );
}

function CodeShown({ code, onNew }: { code: LinkCode; onNew: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const left = countdown(code.expiresAt, now);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p>Open the bot in Telegram and press Start, or send it this code:</p>
      <code data-testid="telegram-code" className="self-start break-all rounded bg-slate-100 px-2 py-1 text-base dark:bg-slate-800">/start {code.code}</code>
      <a href={code.deepLink} target="_blank" rel="noreferrer"
        className="self-start rounded-md bg-sky-600 px-3 py-1.5 font-medium text-white hover:bg-sky-500">Open Telegram</a>
      {left === 'expired' ? (
        <p className="text-amber-700">The code expired. <Button onClick={onNew}>Get a new code</Button></p>
      ) : (
        <>
          <p className="text-slate-500">The code is valid for <span data-testid="telegram-countdown">{left}</span>.</p>
          <p role="status" className="text-slate-500">Waiting for /start …</p>
        </>
      )}
    </div>
  );
}

function AlertToggles({ onError }: { onError: (message: string | null) => void }) {
  const client = useQueryClient();
  const alerts = useQuery({ queryKey: ALERTS_KEY, queryFn: telegramApi.alerts });
  const [saving, setSaving] = useState(false);
  if (alerts.isPending) return <Spinner />;
  if (alerts.error) return <p role="alert" className="text-sm text-red-600">{telegramError(alerts.error)}</p>;
  const choice = alerts.data;

  async function toggle(key: keyof AlertChoice) {
    onError(null);
    setSaving(true);
    try {
      const saved = await telegramApi.saveAlerts({ ...choice, [key]: !choice[key] });
      client.setQueryData(ALERTS_KEY, saved);
    } catch (err) {
      onError(telegramError(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="mb-1 font-medium">Alerts</legend>
      {ALERTS.map(({ key, label }) => (
        <label key={key} className="flex items-center gap-2">
          <input type="checkbox" checked={choice[key]} disabled={saving} onChange={() => toggle(key)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
