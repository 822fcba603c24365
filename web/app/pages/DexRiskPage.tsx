// The risk report of a token (docs/dex-risk.md): reached from the DEX bot form's base token and from a DEX bot's page,
// or filled in here. The query lives in the URL so a report can be linked.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Field, inputClass } from '../components/ui';
import { useDexNetworks, type RiskQuery } from '../components/dex/dexApi';
import { TokenRiskReport } from '../components/dex/TokenRiskReport';

export function DexRiskPage() {
  const [params, setParams] = useSearchParams();
  const networks = useDexNetworks();
  const [network, setNetwork] = useState(params.get('network') ?? '');
  const [token, setToken] = useState(params.get('token') ?? '');
  const [quote, setQuote] = useState(params.get('quote') ?? '');
  const [size, setSize] = useState(params.get('size') ?? '');
  const [level, setLevel] = useState(params.get('level') ?? '');
  const chosen = network || networks.data?.[0]?.name || '';
  const query: RiskQuery | null = params.get('token') ? {
    network: params.get('network') ?? chosen, token: params.get('token')!, quoteToken: params.get('quote') ?? undefined,
    size: params.get('size') ?? undefined, level: params.get('level') ? Number(params.get('level')) : undefined,
    // from a DEX bot's page: its pending transactions count too (the MEMPOOL factor)
    bot: params.get('bot') ?? undefined,
  } : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams({ network: chosen, token: token.trim() });
    if (quote.trim()) next.set('quote', quote.trim());
    if (size.trim()) next.set('size', size.trim());
    if (level.trim()) next.set('level', level.trim());
    if (params.get('bot') && token.trim() === params.get('token')) next.set('bot', params.get('bot')!);
    setParams(next);
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Token risk report</h1>
      <Card>
        <form className="grid gap-3 md:grid-cols-5" onSubmit={submit} aria-label="Token risk">
          <Field label="Network" htmlFor="risk-network">
            <select id="risk-network" className={inputClass} value={chosen} onChange={(e) => setNetwork(e.target.value)}>
              {networks.data?.map((n) => <option key={n.name} value={n.name}>{n.name}</option>)}
            </select>
          </Field>
          <Field label="Token" htmlFor="risk-token">
            <input id="risk-token" className={inputClass} value={token} placeholder="0x…" spellCheck={false}
              onChange={(e) => setToken(e.target.value)} />
          </Field>
          <Field label="Paid with (default WETH)" htmlFor="risk-quote">
            <input id="risk-quote" className={inputClass} value={quote} placeholder="0x…" spellCheck={false}
              onChange={(e) => setQuote(e.target.value)} />
          </Field>
          <Field label="Size (quote token)" htmlFor="risk-size">
            <input id="risk-size" className={inputClass} value={size} placeholder="1" inputMode="decimal"
              onChange={(e) => setSize(e.target.value)} />
          </Field>
          <Field label="Intelligence level (optional)" htmlFor="risk-level">
            <input id="risk-level" className={inputClass} value={level} placeholder="1-10" inputMode="numeric"
              onChange={(e) => setLevel(e.target.value)} />
          </Field>
          <div><Button type="submit" variant="primary" disabled={!token.trim() || !chosen}>Analyse</Button></div>
        </form>
      </Card>
      {query && <TokenRiskReport query={query} />}
    </div>
  );
}
