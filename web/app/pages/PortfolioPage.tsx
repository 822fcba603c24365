// The portfolio: every paper and live account valued in one quote currency, exposure per asset, realized PnL per
// day/week/month and the equity curve from stored snapshots (docs/portfolio.md).
import { useMemo, useState } from 'react';
import {
  browserZone, PORTFOLIO_RANGES, usePortfolio, type PnlPeriod, type Portfolio, type PortfolioAccount,
  type PortfolioRange,
} from '../api/portfolio';
import { LineChart } from '../components/LineChart';
import { Badge, Button, Card, Empty, ErrorBox, inputClass, Spinner } from '../components/ui';
import { amount, currencyDecimals, signedAmount } from '../lib/money';
import { toSeconds } from '../lib/series';

export const QUOTES = ['USDT', 'USDC', 'USD', 'BTC', 'ETH', 'EUR'];
const QUOTE_KEY = 'botfleet.portfolio.quote';
const PERIODS = { daily: 'Day', weekly: 'Week', monthly: 'Month' } as const;
type PeriodKind = keyof typeof PERIODS;

function storedQuote(): string {
  try {
    return localStorage.getItem(QUOTE_KEY) ?? 'USDT';
  } catch {
    return 'USDT';
  }
}

export function PortfolioPage() {
  const [quote, setQuote] = useState(storedQuote);
  const [range, setRange] = useState<PortfolioRange>('30d');
  const portfolio = usePortfolio(quote, range, browserZone());
  const chooseQuote = (q: string) => {
    setQuote(q);
    try { localStorage.setItem(QUOTE_KEY, q); } catch { /* private mode: the choice lasts for this page */ }
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="mr-auto text-xl font-semibold">Portfolio</h1>
        <label className="text-sm">Quote currency
          <select className={inputClass} value={quote} onChange={(e) => chooseQuote(e.target.value)} aria-label="Quote currency">
            {QUOTES.map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
        </label>
        <label className="text-sm">Period
          <select className={inputClass} value={range} onChange={(e) => setRange(e.target.value as PortfolioRange)} aria-label="Period">
            {PORTFOLIO_RANGES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      </div>
      {portfolio.isPending ? <Spinner label="Loading portfolio…" /> : portfolio.isError ? <ErrorBox error={portfolio.error} /> :
        <PortfolioView p={portfolio.data} />}
    </div>
  );
}

function PortfolioView({ p }: { p: Portfolio }) {
  const d = currencyDecimals(p.quote);
  return (
    <>
      <Card>
        <div className="text-sm text-slate-500">Total value</div>
        <div className="text-2xl font-semibold" data-testid="portfolio-total">{amount(p.total, d, p.quote)}</div>
        {p.unvalued.length > 0 &&
          <p className="mt-1 text-sm text-amber-700 dark:text-amber-400">Not included (no price in {p.quote}): {p.unvalued.join(', ')}</p>}
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <ExposureBars p={p} />
        <PnlTable p={p} />
      </div>
      <EquityChart p={p} />
      <section aria-label="Accounts" className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Accounts</h2>
        {p.accounts.length === 0 ? <Empty>No accounts yet: create a paper bot or add an API key.</Empty> :
          p.accounts.map((a) => <AccountCard key={a.botId ?? a.credentialId} a={a} quote={p.quote} />)}
      </section>
    </>
  );
}

function ExposureBars({ p }: { p: Portfolio }) {
  const d = currencyDecimals(p.quote);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Exposure per asset</h2>
      {p.exposure.length === 0 ? <Empty>Nothing held.</Empty> :
        <ul className="flex flex-col gap-2" aria-label="Exposure">
          {p.exposure.map((e) => {
            const pct = e.share == null ? 0 : Number(e.share) * 100;
            return (
              <li key={e.asset} data-testid={`exposure-${e.asset}`}>
                <div className="flex justify-between text-sm">
                  <span className="font-medium">{e.asset}</span>
                  <span title={e.reason ?? undefined}>
                    {e.value == null ? 'no price' : `${amount(e.value, d, p.quote)} · ${pct.toFixed(1)}%`}
                  </span>
                </div>
                <div className="h-2 rounded bg-slate-100 dark:bg-slate-800">
                  <div className="h-2 rounded bg-indigo-500" style={{ width: `${Math.min(100, pct)}%` }}
                    role="meter" aria-label={`${e.asset} share`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct * 10) / 10} />
                </div>
              </li>
            );
          })}
        </ul>}
    </Card>
  );
}

function PnlTable({ p }: { p: Portfolio }) {
  const [kind, setKind] = useState<PeriodKind>('daily');
  const rows: PnlPeriod[] = [...p.pnl[kind]].reverse();
  const d = currencyDecimals(p.quote);
  return (
    <Card>
      <div className="mb-2 flex items-center gap-2">
        <h2 className="mr-auto font-semibold">Realized PnL</h2>
        {(Object.keys(PERIODS) as PeriodKind[]).map((k) => (
          <Button key={k} variant={k === kind ? 'primary' : 'ghost'} aria-pressed={k === kind} onClick={() => setKind(k)}>{PERIODS[k]}</Button>
        ))}
      </div>
      {rows.length === 0 ? <Empty>No realized PnL in this period.</Empty> :
        <table className="w-full text-sm" aria-label="Realized PnL">
          <thead><tr className="text-left text-slate-500"><th>{PERIODS[kind]} of</th><th className="text-right">Realized ({p.quote})</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date}>
                <td>{r.date}</td>
                <td className={`text-right ${Number(r.realized) < 0 ? 'text-red-600' : 'text-emerald-600'}`}>{signedAmount(r.realized, d)}</td>
              </tr>
            ))}
          </tbody>
        </table>}
      <p className="mt-2 text-xs text-slate-500">Days in {p.timezone}.{p.pnl.unvalued.length > 0 && ` Not converted: ${p.pnl.unvalued.join(', ')}.`}</p>
    </Card>
  );
}

function EquityChart({ p }: { p: Portfolio }) {
  const [bot, setBot] = useState('');
  const names = useMemo(() => new Map(p.accounts.filter((a) => a.botId).map((a) => [a.botId!, a.account])), [p.accounts]);
  const source = bot ? p.equity.perBot[bot] ?? [] : p.equity.total;
  const points = useMemo(() => source.map((e) => ({ time: toSeconds(e.time), value: Number(e.value) })), [source]);
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto font-semibold">Equity ({p.quote})</h2>
        <select className={inputClass} value={bot} onChange={(e) => setBot(e.target.value)} aria-label="Equity of">
          <option value="">All bots</option>
          {Object.keys(p.equity.perBot).map((id) => <option key={id} value={id}>{names.get(id) ?? id}</option>)}
        </select>
      </div>
      {points.length === 0 ? <Empty>No snapshots yet: equity is stored every few minutes while bots run.</Empty> :
        <LineChart points={points} label="Equity curve" height={260} fit />}
      <p className="mt-1 text-xs text-slate-500" data-testid="equity-points">{points.length} {points.length === 1 ? 'point' : 'points'}</p>
    </Card>
  );
}

function AccountCard({ a, quote }: { a: PortfolioAccount; quote: string }) {
  const d = currencyDecimals(quote);
  return (
    <Card data-testid="portfolio-account">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{a.account}</h3>
        <Badge tone={a.mode === 'LIVE' ? 'red' : 'sky'}>{a.mode}</Badge>
        <span className="text-sm text-slate-500">{a.exchange}</span>
        <span className="ml-auto font-medium" data-testid="account-total">{amount(a.total, d, quote)}</span>
      </div>
      {a.error && <p className="text-sm text-red-600">{a.error}</p>}
      {a.balances.length > 0 &&
        <table className="w-full text-sm" aria-label={`Balances of ${a.account}`}>
          <thead><tr className="text-left text-slate-500"><th>Asset</th><th className="text-right">Free</th><th className="text-right">Locked</th><th className="text-right">Value</th></tr></thead>
          <tbody>
            {a.balances.map((b) => (
              <tr key={b.asset}>
                <td>{b.asset}</td>
                <td className="text-right">{amount(b.free, currencyDecimals(b.asset))}</td>
                <td className="text-right">{amount(b.locked, currencyDecimals(b.asset))}</td>
                <td className="text-right" title={b.reason ?? undefined}>{b.value == null ? 'no price' : amount(b.value, d, quote)}</td>
              </tr>
            ))}
          </tbody>
        </table>}
      {a.positions.length > 0 &&
        <table className="mt-3 w-full text-sm" aria-label={`Positions of ${a.account}`}>
          <thead><tr className="text-left text-slate-500"><th>Symbol</th><th>Side</th><th className="text-right">Quantity</th><th className="text-right">Entry</th><th className="text-right">Mark</th><th className="text-right">Unrealized</th></tr></thead>
          <tbody>
            {a.positions.map((pos) => (
              <tr key={`${pos.bot}-${pos.symbol}`}>
                <td>{pos.symbol}{a.mode === 'LIVE' && <span className="text-slate-500"> · {pos.botName}</span>}</td>
                <td>{pos.side}</td>
                <td className="text-right">{pos.quantity}</td>
                <td className="text-right">{pos.entry ?? '—'}</td>
                <td className="text-right">{pos.mark ?? '—'}</td>
                <td className="text-right" title={pos.reason ?? undefined}>{signedAmount(pos.unrealizedPnl, d, quote)}</td>
              </tr>
            ))}
          </tbody>
        </table>}
    </Card>
  );
}
