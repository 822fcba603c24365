// "Import config.json": paste it or pick the file; it fills the form. What the form cannot show (an unknown key, a
// key Freqtrade has but botfleet does not run) is sent as it was and the server's errors about it are shown here.
import { useState, type ChangeEvent } from 'react';
import { Button, Card, inputClass } from '../ui';
import { FieldErrorText } from './FormBits';

export function ConfigImport({ onImport, error, extraKeys }:
  { onImport: (config: Record<string, unknown>) => void; error?: string; extraKeys: string[] }) {
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | undefined>();

  function apply(raw: string) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      return setParseError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return setParseError('must be a JSON object, the contents of a Freqtrade config.json');
    }
    setParseError(undefined);
    onImport(parsed as Record<string, unknown>);
  }

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    const raw = await file.text();
    setText(raw);
    apply(raw);
  }

  return (
    <Card className="flex flex-col gap-2">
      <h2 className="font-semibold">Import config.json</h2>
      <label htmlFor="pf-config" className="text-sm">Paste a Freqtrade config.json (or pick the file) to fill the form.</label>
      <textarea id="pf-config" rows={5} className={`${inputClass} font-mono`} value={text} onChange={(e) => setText(e.target.value)}
        aria-invalid={!!(error || parseError)} placeholder='{"stake_currency": "BTC", "exchange": {"pair_whitelist": ["LTC/BTC"]}, ...}' />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => apply(text)} disabled={!text.trim()}>Fill the form</Button>
        <input type="file" accept=".json,application/json" aria-label="config.json file" onChange={pick} className="text-sm" />
      </div>
      <FieldErrorText id="pf-config" error={parseError} />
      <FieldErrorText id="pf-config" error={error} />
      {extraKeys.length > 0 && (
        <p className="text-xs text-slate-500" data-testid="extra-keys">Also sent as imported: {extraKeys.join(', ')}</p>
      )}
    </Card>
  );
}
