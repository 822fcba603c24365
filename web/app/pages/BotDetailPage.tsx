import { useEffect, useMemo, useState } from 'react';
import { guardedApi } from '../api/twoFactor';
import { useCodePrompt } from '../components/CodePrompt';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  botApi, useBot, useBotMutation, useBotOrders, useBotPositions, useBotStats, useBotTrades, useCandles, useCredentials,
  useLogs, useLtp,
} from '../api/hooks';
import type { Bot } from '../api/types';
import { CandleChart } from '../components/CandleChart';
import { LineChart } from '../components/LineChart';
import { WarmupProgress } from '../components/Warmup';
import { SignalWebhookSection } from '../components/SignalWebhookSection';
import { MlSignalSection } from '../components/models/MlSignalSection';
import { DexSessions } from '../components/dex/DexSessions';
import { DexMempool } from '../components/dex/DexMempool';
import { LogList } from '../components/LogList';
import { OrderTable } from '../components/OrderTable';
import { useToast } from '../components/Toasts';
import { Button, Card, ConfirmDialog, Empty, ErrorBox, Spinner, StatusBadge } from '../components/ui';
import { useMarkets } from '../api/markets';
import { Amount } from '../components/Amount';
import { PositionTable, TradeTable } from '../components/BotTables';
import { LeverageTag } from '../components/PositionParts';
import { pnlClass } from '../lib/format';
import { amount, formatPnl, formatPrice, formatQuote, priceDecimals, type Market } from '../lib/money';
import { addPoint, fillMarks, toSeconds, type Point } from '../lib/series';
import { applyTick, barMarks, candleBars, mergeBars, timeframeSeconds, type Bar } from '../lib/candles';
import { useStream } from '../stream/StreamContext';

export function BotDetailPage() {
  const { id = '' } = useParams();
  const bot = useBot(id);
  if (bot.isPending) return <Spinner label="Loading bot…" />;
  if (bot.isError) return <ErrorBox error={bot.error} />;
  return <BotDetail bot={bot.data} />;
}

/** Which stored key a LIVE bot trades with (its label and masked key), or that its key is gone. */
function LiveKey({ credentialId }: { credentialId?: string | null }) {
  const keys = useCredentials();
  const key = keys.data?.find((k) => k.id === credentialId);
  if (keys.isPending) return null;
  return key
    ? <span data-testid="live-key"> · key {key.label} ({key.apiKeyMasked}){key.testnet ? ' · testnet' : ''}</span>
    : <span data-testid="live-key" className="text-red-600"> · no API key: edit the bot and choose one</span>;
}

function BotDetail({ bot }: { bot: Bot }) {
  const toast = useToast();
  const navigate = useNavigate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const codePrompt = useCodePrompt('start a LIVE bot');
  const toggle = useBotMutation(() => (bot.status === 'ACTIVE' ? botApi.stop(bot.id)
    : codePrompt.run((otp) => guardedApi.startBot(bot.id, otp))));
  const remove = useBotMutation(() => botApi.remove(bot.id));
  const stats = useBotStats(bot.id);
  const positions = useBotPositions(bot.id);
  const market = useMarkets()(bot.exchange, bot.symbol);

  return (
    <div className="flex flex-col gap-4">
      {codePrompt.dialog}
      <div className="flex flex-wrap items-center gap-2">
        <div className="mr-auto min-w-0">
          <h1 className="flex items-center gap-2 text-xl font-semibold"><span className="truncate">{bot.name}</span> <StatusBadge status={bot.status} /></h1>
          <p className="flex flex-wrap items-center gap-x-1 text-sm text-slate-500"><span>{bot.strategy} · {bot.symbol} · {bot.exchange} · {bot.mode}
            {bot.mode === 'LIVE' && <LiveKey credentialId={bot.credentialId} />}</span>
            <LeverageTag leverage={bot.leverage} marginMode={bot.marginMode} /></p>
          {bot.statusReason && <p className="text-sm text-red-600">{bot.statusReason}</p>}
        </div>
        <WarmupProgress bot={bot} className="order-last w-full sm:max-w-sm" />
        <Button variant={bot.status === 'ACTIVE' ? 'secondary' : 'success'} disabled={toggle.isPending}
          onClick={() => toggle.mutate(undefined, {
            onSuccess: (b) => toast.success(`${b.name} ${b.status === 'ACTIVE' ? 'started' : 'stopped'}`),
            onError: (e) => toast.error(`${bot.name}: ${e.message}`),
          })}>
          {bot.status === 'ACTIVE' ? 'Stop' : 'Start'}
        </Button>
        <Link to={`/bots/${bot.id}/edit`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600">Edit</Link>
        <Button variant="danger" onClick={() => setConfirmDelete(true)} disabled={bot.status === 'ACTIVE'}
          title={bot.status === 'ACTIVE' ? 'Stop the bot before deleting it' : undefined}>Delete</Button>
      </div>

      <section className="grid grid-cols-2 gap-3 md:grid-cols-6" aria-label="Bot statistics">
        <Metric label="PnL" value={formatPnl(stats.data?.pnl ?? bot.pnl, market)} className={pnlClass(stats.data?.pnl ?? bot.pnl)} testId="detail-pnl" />
        <Metric label="Realized" value={formatPnl(stats.data?.realizedPnl, market)} className={pnlClass(stats.data?.realizedPnl)} />
        <Metric label="Unrealized" value={formatPnl(stats.data?.unrealizedPnl, market)} className={pnlClass(stats.data?.unrealizedPnl)} />
        <Metric label="Deals" value={String(stats.data?.totalTrades ?? bot.totalTrades ?? 0)} testId="detail-trades" />
        <Metric label="Fills" value={stats.data?.fills != null ? String(stats.data.fills) : '—'} testId="detail-fills" />
        <Metric label="Fees" value={formatQuote(stats.data?.fees, market)} testId="detail-fees" />
      </section>

      {bot.strategy === 'signal' && <SignalWebhookSection bot={bot} />}
      {bot.strategy === 'ml-signal' && <MlSignalSection bot={bot} market={market} />}
      <DexSessions botId={bot.id} exchange={bot.exchange} quote={market.quote} />
      <DexMempool botId={bot.id} exchange={bot.exchange} />

      <Card>
        <h2 className="mb-2 font-semibold">Price</h2>
        <PriceChart bot={bot} market={market} />
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        {/* a perpetual's position has three more columns (leverage, liquidation, funding): the whole width */}
        <Card className={`min-w-0 ${bot.leverage != null ? 'lg:col-span-2' : ''}`}>
          <h2 className="mb-2 font-semibold">Position</h2>
          {positions.isPending ? <Spinner /> : positions.isError ? <ErrorBox error={positions.error} /> :
            <PositionTable positions={positions.data} market={market} />}
        </Card>
        <OpenOrders bot={bot} />
      </div>

      <TradeTable botId={bot.id} market={market}
        position={bot.leverage != null ? positions.data?.find((p) => p.symbol === bot.symbol) : undefined} />

      <Card>
        <h2 className="mb-2 font-semibold">Activity</h2>
        <BotLog botId={String(bot.id)} />
      </Card>

      <ConfirmDialog open={confirmDelete} title={`Delete ${bot.name}?`} confirm="Delete"
        text="The bot and its configuration are removed. This cannot be undone."
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => {
          setConfirmDelete(false);
          remove.mutate(undefined, {
            onSuccess: () => { toast.success(`${bot.name} deleted`); navigate('/'); },
            onError: (e) => toast.error(`Delete failed: ${e.message}`),
          });
        }} />
    </div>
  );
}

function Metric({ label, value, className = '', testId }: { label: string; value: string; className?: string; testId?: string }) {
  return (
    <Card className="min-w-0 p-3">
      <div className="truncate text-xs uppercase text-slate-500">{label}</div>
      <div className={`text-lg font-semibold ${className}`}><Amount text={value} testId={testId} /></div>
    </Card>
  );
}

const CHART_TIMEFRAME = '1m';

/** Candles of the bot's market with its fills; a tick line when the server has no candles. */
function PriceChart({ bot, market }: { bot: Bot; market: Market }) {
  const candles = useCandles(bot.exchange, bot.symbol, CHART_TIMEFRAME, 300);
  if (candles.isPending) return <Spinner label="Loading candles…" />;
  if (candles.data && candles.data.length > 0) return <CandlePriceChart bot={bot} market={market} candles={candles.data} />;
  return <TickPriceChart bot={bot} market={market} />;
}

function LastPrice({ price, market, note }: { price: string | null; market: Market; note: string }) {
  return (
    <div className="mb-1 flex flex-wrap justify-between gap-x-2 text-sm text-slate-500">
      <span>Last <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100" data-testid="chart-last">{price ? formatPrice(price, market) : 'N/A'}</span></span>
      <span className="text-xs">{note}</span>
    </div>
  );
}

function CandlePriceChart({ bot, market, candles }: { bot: Bot; market: Market; candles: Parameters<typeof candleBars>[0] }) {
  const { onTicks } = useStream();
  const trades = useBotTrades(bot.id);
  const [bars, setBars] = useState<Bar[]>(() => candleBars(candles));
  const ltp = useLtp(bot.exchange, bot.symbol);
  const [tick, setLast] = useState<string | null>(null);
  const last = tick ?? ltp.data?.price ?? candles.at(-1)?.close ?? null;
  const period = timeframeSeconds(CHART_TIMEFRAME) ?? 60;

  // a refetch brings the server's completed candles again: they replace what the ticks built, except the forming one
  useEffect(() => { setBars((current) => mergeBars(candleBars(candles), current)); }, [candles]);

  useEffect(() => onTicks(bot.exchange, bot.symbol, (t) => {
    const value = Number(t.price);
    if (!Number.isFinite(value)) return;
    setBars((b) => applyTick(b, toSeconds(t.timestamp), value, period));
    setLast(t.price);
  }), [bot.exchange, bot.symbol, onTicks, period]);

  const fills = useMemo(() => fillMarks(trades.data ?? [], (p) => amount(p, priceDecimals(market))), [trades.data, market]);
  const marks = useMemo(() => barMarks(bars, fills), [bars, fills]);

  return (
    <div className="min-w-0">
      <LastPrice price={last} market={market} note={`${CHART_TIMEFRAME} candles, live`} />
      <CandleChart bars={bars} marks={marks} label={`${bot.symbol} ${CHART_TIMEFRAME} candles`} precision={priceDecimals(market)} />
    </div>
  );
}

function TickPriceChart({ bot, market }: { bot: Bot; market: Market }) {
  const { onTicks } = useStream();
  const ltp = useLtp(bot.exchange, bot.symbol);
  const trades = useBotTrades(bot.id);
  const [points, setPoints] = useState<Point[]>([]);

  useEffect(() => onTicks(bot.exchange, bot.symbol, (t) => {
    const value = Number(t.price);
    if (Number.isFinite(value)) setPoints((p) => addPoint(p, { time: toSeconds(t.timestamp), value }));
  }), [bot.exchange, bot.symbol, onTicks]);

  useEffect(() => {
    const l = ltp.data;
    if (l) setPoints((p) => addPoint(p, { time: toSeconds(l.timestamp), value: Number(l.price) }));
  }, [ltp.data]);

  const marks = useMemo(() => fillMarks(trades.data ?? [], (p) => amount(p, priceDecimals(market))), [trades.data, market]);
  // A marker sits on a point of the line, so each fill adds its own price at its own second.
  const shown = useMemo(() => marks.reduce((p, m) => (p.some((x) => x.time === m.time) ? p : addPoint(p, { time: m.time, value: m.price })), points),
    [marks, points]);

  return (
    <div>
      <LastPrice price={points.length > 0 ? String(points.at(-1)!.value) : ltp.data?.price ?? null} market={market} note="trades since this page opened (no candles from the server)" />
      <LineChart points={shown} marks={marks} label={`${bot.symbol} price`} />
    </div>
  );
}

function OpenOrders({ bot }: { bot: Bot }) {
  const orders = useBotOrders(bot.id, 'open');
  const toast = useToast();
  const cancel = useBotMutation((orderId: string | number) => botApi.cancelOrder(bot.id, orderId));
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Open orders</h2>
      {orders.isPending ? <Spinner /> : orders.isError ? <ErrorBox error={orders.error} /> :
        orders.data.length === 0 ? <Empty>No open orders.</Empty> : (
          <OrderTable orders={orders.data} compact onCancel={(o) => cancel.mutate(o.id, {
            onSuccess: () => toast.success(`${bot.name}: order ${o.clientOrderId} cancelled`),
            onError: (e) => toast.error(`${bot.name}: cancel failed: ${e.message}`),
          })} />
        )}
    </Card>
  );
}

function BotLog({ botId }: { botId: string }) {
  const logs = useLogs({ botId, size: 50 });
  if (logs.isPending) return <Spinner />;
  if (logs.isError) return <ErrorBox error={logs.error} />;
  return <LogList entries={logs.data.items} />;
}
