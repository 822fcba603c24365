// A backtest run's progress and result: metrics that agree with the trade list, the position still open at the end,
// the equity over the whole run and the trades on a price line.
import { useMemo } from 'react';
import type { Backtest, BacktestResult as Result } from '../api/types';
import { averageSeconds, summarize, tradeSeconds, type BacktestSummary } from '../lib/backtest';
import { pnlClass, time } from '../lib/format';
import { duration, formatPnl, formatPrice, formatQuantity, formatQuote, percent, type Market } from '../lib/money';
import { addPoint, toSeconds, type FillMark, type Point } from '../lib/series';
import { Amount } from './Amount';
import { priceBars, barMarks } from '../lib/candles';
import { CandleChart } from './CandleChart';
import { LineChart } from './LineChart';
import { Card, Empty } from './ui';
import { RunProgress } from './RunProgress';

export function BacktestRun({ run }: { run: Backtest }) {
  const result = run.result;
  return (
    <div className="flex flex-col gap-4" data-testid="backtest-result">
      <Card>
        <RunProgress status={run.status} progress={run.progress} error={run.error} />
        {result?.warnings?.map((w) => <p key={w} className="mt-1 break-words text-xs text-amber-600">{w}</p>)}
      </Card>
      {result && <ResultView result={result} />}
    </div>
  );
}

function ResultView({ result }: { result: Result }) {
  const s = useMemo(() => summarize(result), [result]);
  return (
    <>
      <Metrics result={result} s={s} />
      <Charts result={result} s={s} />
      <Trades result={result} s={s} />
    </>
  );
}

function Metric({ label, value, className = '', testId, note }: { label: string; value: string; className?: string; testId?: string; note?: string }) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-slate-500">{label}</dt>
      <dd className={`font-semibold ${className}`}><Amount text={value} testId={testId} /></dd>
      {note && <dd className="text-xs text-slate-500">{note}</dd>}
    </div>
  );
}

const ratio = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '—');

function Metrics({ result, s }: { result: Result; s: BacktestSummary }) {
  const m = result.metrics ?? {};
  const q = s.market;
  const money = (v: unknown) => (typeof v === 'string' ? v : null);
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Metrics</h2>
      {s.open && (
        <p className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-testid="open-position">
          A position was still open at the end: <b>{formatQuantity(s.open.quantity, q)}</b>
          {s.open.entryPrice && <> bought at {formatPrice(s.open.entryPrice, q)}{s.open.entryTime && <> on {time(s.open.entryTime)}</>},</>}
          {s.open.markPrice && <> marked at {formatPrice(s.open.markPrice, q)} (the last close)</>}. It is not a completed trade, so
          it is not in the trade count or the win rate; the net profit includes it
          {s.open.pnl && <> (<span data-testid="bt-unrealized">{formatPnl(s.open.pnl, q)}</span> unrealized{s.open.reported ? '' : ', its entry fee included'})</>}.
        </p>
      )}
      {s.mismatches.map((x) => <p key={x} className="mb-2 text-sm text-red-600">{x}</p>)}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        <Metric label="Net profit" value={formatPnl(money(m.netProfit), q)} className={pnlClass(money(m.netProfit))} testId="bt-net-profit"
          note={s.open ? `closed trades ${formatPnl(s.closedPnl, q)} + open position ${formatPnl(s.open.pnl, q)}` : undefined} />
        <Metric label="Total return" value={percent(m.totalReturn as number | null)} className={pnlClass(String(m.totalReturn ?? ''))} />
        <Metric label="Final equity" value={formatQuote(money(m.finalEquity), q)} note={`started with ${formatQuote(money(m.startingEquity) ?? result.startingBalance, q)}`} />
        <Metric label="Max drawdown" value={percent(m.maxDrawdown as number | null)} />
        <Metric label="Trades (closed)" value={String(s.closed)} testId="bt-trades" note={s.open ? '+ 1 position open at the end' : undefined} />
        <Metric label="Position at the end" value={s.open ? formatQuantity(s.open.quantity, q) : 'flat'} testId="bt-final-position"
          note={s.open?.pnl ? `unrealized ${formatPnl(s.open.pnl, q)}` : undefined} />
        <Metric label="Win rate" value={s.closed ? percent(s.wins / s.closed) : '—'} testId="bt-win-rate"
          note={s.closed ? `${s.wins} won, ${s.losses} lost${s.closed - s.wins - s.losses ? `, ${s.closed - s.wins - s.losses} even` : ''}` : 'no closed trades'} />
        <Metric label="Expectancy (per trade)" value={formatPnl(money(m.expectancy), q)} />
        <Metric label="Avg trade duration" value={duration(averageSeconds(m))} testId="bt-duration" />
        <Metric label="Profit factor" value={ratio(m.profitFactor)} />
        <Metric label="Sharpe / Sortino" value={`${ratio(m.sharpe)} / ${ratio(m.sortino)}`} />
        <Metric label="CAGR / Calmar" value={`${percent(m.cagr as number | null)} / ${ratio(m.calmar)}`} />
        <Metric label="Exposure" value={percent(m.exposure as number | null)} />
      </dl>
    </Card>
  );
}

function Charts({ result, s }: { result: Result; s: BacktestSummary }) {
  const bars = useMemo(() => priceBars(result.prices ?? []), [result.prices]);
  const equity = useMemo(() => {
    let points: Point[] = [];
    if (result.from && result.startingBalance) points = addPoint(points, { time: toSeconds(result.from), value: Number(result.startingBalance) }, 100_000);
    for (const e of result.equity ?? []) points = addPoint(points, { time: toSeconds(e.time), value: Number(e.equity) }, 100_000);
    return points;
  }, [result]);
  const { prices, marks } = useMemo(() => tradePrices(result, s), [result, s]);
  return (
    <>
      {equity.length > 0 && (
        <Card><h2 className="mb-2 font-semibold">Equity ({s.market.quote}), whole run</h2><LineChart points={equity} label="Equity curve" fit /></Card>
      )}
      {bars.length > 0 ? (
        <Card className="min-w-0">
          <h2 className="font-semibold">Price and trades</h2>
          <p className="mb-2 text-xs text-slate-500">{barsNote(result.candles, bars.length, result.timeframe)}; ▲ entries, ▼ exits{s.open ? ', and the position still open at the end' : ''}.</p>
          <CandleChart bars={bars} marks={barMarks(bars, marks)} label={`${result.symbol} candles and trades`} precision={8} fit />
        </Card>
      ) : (
        <Card>
          <h2 className="font-semibold">Price and trades</h2>
          <p className="mb-2 text-xs text-slate-500">▲ entries, ▼ exits. This server's result carries no candles, so the line joins the trades' prices.</p>
          {prices.length === 0 ? <Empty>No trades to plot.</Empty> : <LineChart points={prices} marks={marks} label={`${result.symbol} trades`} fit />}
        </Card>
      )}
    </>
  );
}

/** "960 bars of 6 × 5m candles" when the server bucketed a long run, else "5m candles". */
export function barsNote(candles: number, bars: number, timeframe: string): string {
  const per = candles > bars && bars > 0 ? Math.ceil(candles / bars) : 1;
  return per > 1 ? `${bars} bars of ${per} × ${timeframe} candles` : `${timeframe} candles of the run`;
}

/** Entry and exit prices as a line with markers; the open position's mark at the end of the run. */
function tradePrices(result: Result, s: BacktestSummary): { prices: Point[]; marks: FillMark[] } {
  let prices: Point[] = [];
  const marks: FillMark[] = [];
  const add = (iso: string, price: string | null, side: 'BUY' | 'SELL', text: string) => {
    if (!price || !Number.isFinite(Number(price))) return;
    const time = toSeconds(iso);
    prices = addPoint(prices, { time, value: Number(price) }, 100_000);
    marks.push({ time, side, price: Number(price), text });
  };
  for (const t of result.trades ?? []) {
    const long = t.direction !== 'SHORT';
    add(t.entryTime, t.entryPrice, long ? 'BUY' : 'SELL', '');
    if (t.exitTime) add(t.exitTime, t.exitPrice, long ? 'SELL' : 'BUY', '');
  }
  if (s.open?.entryTime && s.open.entryPrice) add(s.open.entryTime, s.open.entryPrice, 'BUY', 'open');
  const lastBar = result.prices?.at(-1)?.time;
  if (s.open?.markPrice && (lastBar ?? result.to)) add((lastBar ?? result.to)!, s.open.markPrice, 'SELL', 'open');
  marks.sort((a, b) => a.time - b.time);
  return { prices, marks };
}

function Trades({ result, s }: { result: Result; s: BacktestSummary }) {
  const trades = result.trades ?? [];
  const q: Market = s.market;
  return (
    <Card className="min-w-0">
      <h2 className="font-semibold">Trades ({trades.length})</h2>
      <p className="mb-2 text-xs text-slate-500">Completed round trips{s.open ? '; the last row is the position still open at the end' : ''}.</p>
      {trades.length === 0 && !s.open ? <Empty>No trades in this run.</Empty> : (
        <div className="max-h-96 overflow-auto">
          <table className="w-full whitespace-nowrap text-sm" data-testid="backtest-trades">
            <thead><tr className="text-left text-xs text-slate-500">
              <th className="pr-2">Entry</th><th className="pr-2">Exit</th><th className="pr-2">Duration</th><th className="pr-2">Side</th><th className="pr-2">Qty</th>
              <th className="pr-2">Entry price</th><th className="pr-2">Exit price</th><th className="pr-2">Fees</th><th className="pr-2">PnL</th><th>Reason</th>
            </tr></thead>
            <tbody>
              {trades.map((t, i) => (
                <tr key={i} className="border-t border-slate-100 tabular-nums dark:border-slate-800">
                  <td className="pr-2">{time(t.entryTime)}</td><td className="pr-2">{time(t.exitTime)}</td>
                  <td className="pr-2">{duration(tradeSeconds(t))}</td><td className={`pr-2 ${t.direction === 'SHORT' ? 'font-semibold text-red-600 dark:text-red-400' : ''}`} data-direction={t.direction}>{t.direction}</td>
                  <td className="pr-2">{formatQuantity(t.quantity, q)}</td><td className="pr-2">{formatPrice(t.entryPrice, q)}</td>
                  <td className="pr-2">{formatPrice(t.exitPrice, q)}</td><td className="pr-2">{formatQuote(t.fees, q)}</td>
                  <td className={`pr-2 ${pnlClass(t.pnl)}`}>{formatPnl(t.pnl, q)}</td><td>{t.closeReason ?? ''}</td>
                </tr>
              ))}
              {s.open && (
                <tr className="border-t border-slate-100 bg-amber-50 tabular-nums dark:border-slate-800 dark:bg-amber-950" data-testid="open-row">
                  <td className="pr-2">{s.open.entryTime ? time(s.open.entryTime) : '—'}</td><td className="pr-2">open at the end</td><td className="pr-2">—</td><td className="pr-2">OPEN</td>
                  <td className="pr-2">{formatQuantity(s.open.quantity, q)}</td><td className="pr-2">{s.open.entryPrice ? formatPrice(s.open.entryPrice, q) : '—'}</td>
                  <td className="pr-2">{s.open.markPrice ? `${formatPrice(s.open.markPrice, q)} (mark)` : '—'}</td><td className="pr-2">—</td>
                  <td className={`pr-2 ${pnlClass(s.open.pnl)}`}>{formatPnl(s.open.pnl, q)}</td><td>unrealized</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
