// A signal bot's webhook on its detail page: the URL (masked once created), a rotate button that shows the new URL
// once, and the TradingView message template to copy.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../api/hooks';
import type { Bot } from '../api/types';
import { signalApi, TRADINGVIEW_TEMPLATE, webhookUrl } from '../lib/signals';
import { Button, Card, ConfirmDialog } from './ui';

function Copy({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button aria-label={label} onClick={() => {
      void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
    }}>{copied ? 'Copied' : 'Copy'}</Button>
  );
}

export function SignalWebhookSection({ bot }: { bot: Bot }) {
  const client = useQueryClient();
  const [fresh, setFresh] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hook = bot.signalWebhook;

  async function rotate() {
    setConfirm(false);
    setError(null);
    try {
      const created = await signalApi.rotate(bot.id);
      setFresh(webhookUrl(created.path));
      void client.invalidateQueries({ queryKey: keys.bot(bot.id), exact: true });
      void client.invalidateQueries({ queryKey: keys.logs });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <Card>
      <h2 className="mb-2 font-semibold">Signal webhook</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
        Post alerts to this URL (TradingView: alert → Notifications → Webhook URL). Anyone with the URL can trade this
        bot: keep it secret, and rotate it if it leaks.</p>
      {fresh ? (
        <div className="mb-2 flex flex-col gap-1" data-testid="signal-url-new">
          <p className="text-sm font-medium text-amber-700 dark:text-amber-400">Copy it now: the full URL is shown only this once.</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{fresh}</code>
            <Copy text={fresh} label="Copy webhook URL" />
          </div>
        </div>
      ) : hook?.hasToken ? (
        <p className="mb-2 text-sm">URL <code data-testid="signal-url-masked" className="break-all text-xs">{webhookUrl(hook.maskedPath ?? '')}</code></p>
      ) : (
        <p className="mb-2 text-sm" data-testid="signal-url-none">No webhook URL yet: create one to receive signals.</p>
      )}
      <Button variant={hook?.hasToken ? 'secondary' : 'primary'} onClick={() => (hook?.hasToken ? setConfirm(true) : void rotate())}>
        {hook?.hasToken ? 'Rotate token' : 'Create webhook URL'}</Button>
      {error && <p role="alert" className="mt-2 text-sm text-red-600">{error}</p>}
      <h3 className="mb-1 mt-4 text-sm font-semibold">TradingView alert message</h3>
      <div className="flex items-start gap-2">
        <pre data-testid="signal-template" className="min-w-0 flex-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{TRADINGVIEW_TEMPLATE}</pre>
        <Copy text={TRADINGVIEW_TEMPLATE} label="Copy alert message" />
      </div>
      <p className="mt-1 text-xs text-slate-500">action is buy, sell or close; leave out price for a market order and size
        for the bot&apos;s order amount. A repeated id or an older timestamp is ignored.</p>
      <ConfirmDialog open={confirm} title="Rotate the webhook token?" confirm="Rotate" variant="danger"
        text="The current URL stops working at once; alerts that use it are refused until you paste the new one."
        onCancel={() => setConfirm(false)} onConfirm={() => void rotate()} />
    </Card>
  );
}
