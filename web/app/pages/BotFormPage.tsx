import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { botApi, useBot, useBotBalances, useBotMutation, useExchanges, useLtp, useStrategies } from '../api/hooks';
import type { Balance, Bot, BotInput, Exchange, Mode, StrategyDefinition } from '../api/types';
import { ParameterForm } from '../components/ParameterForm';
import type { Sizing } from '../components/QuantityControls';
import { useToast } from '../components/Toasts';
import { Button, Card, ErrorBox, Field, inputClass, Spinner } from '../components/ui';
import { add, isDecimal } from '../lib/decimal';
import { hasErrors, mapProblem, type FormErrors } from '../lib/errors';
import { initialValues, toConfig, type FormValue, type FormValues } from '../lib/params';
import { formatPrice, group, stepDecimals } from '../lib/money';
import { defaultPrices, pricePrecision } from '../lib/pricing';
import { useStream } from '../stream/StreamContext';

const TOP_FIELDS = ['name', 'exchange', 'symbol', 'strategy', 'mode'] as const;
const NO_ERRORS: FormErrors = { fields: {}, config: {}, general: [] };
/** `botfleet.paper.quote-balance`'s default, for servers whose GET /exchanges has no `paperQuoteBalance`. */
export const PAPER_QUOTE_BALANCE = '10000';

export function BotFormPage() {
  const { id } = useParams();
  const strategies = useStrategies();
  const exchanges = useExchanges();
  const bot = useBot(id);

  const failed = strategies.error ?? exchanges.error ?? (id ? bot.error : null);
  if (failed) return <ErrorBox error={failed} />;
  if (!strategies.data || !exchanges.data || (id && !bot.data)) return <Spinner label="Loading form…" />;
  return <BotForm key={id ?? 'new'} strategies={strategies.data} exchanges={exchanges.data} bot={id ? bot.data : undefined} />;
}

interface Props { strategies: StrategyDefinition[]; exchanges: Exchange[]; bot?: Bot }

function startState(strategies: StrategyDefinition[], exchanges: Exchange[], bot?: Bot) {
  const strategy = bot?.strategy ?? (strategies.find((s) => s.id === 'scalper') ?? strategies[0])?.id ?? '';
  const def = strategies.find((s) => s.id === strategy);
  const exchange = bot?.exchange ?? exchanges[0]?.id ?? '';
  return {
    name: bot?.name ?? '',
    exchange,
    symbol: bot?.symbol ?? exchanges.find((e) => e.id === exchange)?.symbols[0]?.symbol ?? '',
    strategy,
    mode: bot?.mode ?? ('PAPER' as Mode),
    values: initialValues(def?.parameters ?? [], bot?.config),
  };
}

export function BotForm({ strategies, exchanges, bot }: Props) {
  const navigate = useNavigate();
  const toast = useToast();
  const start = useMemo(() => startState(strategies, exchanges, bot), [strategies, exchanges, bot]);
  const [name, setName] = useState(start.name);
  const [exchange, setExchange] = useState(start.exchange);
  const [symbol, setSymbol] = useState(start.symbol);
  const [strategy, setStrategy] = useState(start.strategy);
  const [mode, setMode] = useState<Mode>(start.mode);
  const [values, setValues] = useState<FormValues>(start.values);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const definition = strategies.find((s) => s.id === strategy);
  const params = definition?.parameters ?? [];
  const venue = exchanges.find((e) => e.id === exchange);
  const instrument = venue?.symbols.find((s) => s.symbol === symbol);
  const ltp = useLtp(exchange, instrument ? symbol : '');
  const livePrice = useLivePrice(exchange, instrument ? symbol : '');
  const ltpPrice = livePrice ?? ltp.data?.price ?? null;
  const tickDecimals = instrument ? stepDecimals(instrument.tickSize) : undefined;
  const priceDecimals = tickDecimals ?? pricePrecision(ltpPrice, 2);
  const editingPaper = !!bot && bot.mode === 'PAPER' && mode === 'PAPER';
  const balances = useBotBalances(bot?.id, editingPaper);
  const sizing = useMemo<Sizing | undefined>(() => {
    if (!instrument) return undefined;
    const buy = typeof values.buyPrice === 'string' && isDecimal(values.buyPrice) ? values.buyPrice : null;
    const paper = mode === 'PAPER';
    const market = { base: instrument.baseAsset, quote: instrument.quoteAsset, tickSize: instrument.tickSize,
      lotSize: instrument.lotSize, minNotional: instrument.minNotional };
    const { balance, balanceNote } = paperBalance({ paper, editingPaper, bot, venue, quote: instrument.quoteAsset, balances: balances.data, loading: balances.isPending && editingPaper });
    return { market, price: buy ?? ltpPrice, feeRate: instrument.makerFee, balance, balanceNote };
  }, [instrument, values.buyPrice, ltpPrice, mode, bot, venue, editingPaper, balances.data, balances.isPending]);

  // Default buy/sell prices come from the LTP once per market; an edited bot keeps its own prices.
  const defaultedMarket = useRef<string | null>(bot ? `${bot.exchange}|${bot.symbol}|${bot.strategy}` : null);
  useEffect(() => {
    const market = `${exchange}|${symbol}|${strategy}`;
    if (!ltpPrice || !isDecimal(ltpPrice) || defaultedMarket.current === market) return;
    if (!params.some((p) => p.name === 'buyPrice') || !params.some((p) => p.name === 'sellPrice')) return;
    defaultedMarket.current = market;
    // Only empty prices get defaults: what the user typed before the LTP arrived stays.
    const defaults = defaultPrices(ltpPrice);
    setValues((v) => ({
      ...v,
      buyPrice: v.buyPrice === '' || v.buyPrice === undefined ? defaults.buyPrice : v.buyPrice,
      sellPrice: v.sellPrice === '' || v.sellPrice === undefined ? defaults.sellPrice : v.sellPrice,
    }));
  }, [ltpPrice, exchange, symbol, strategy, params]);

  /** Another market's prices mean nothing here: a new market starts from its own LTP. */
  function chooseSymbol(next: string) {
    setSymbol(next);
    if (next !== symbol && !bot) setValues((v) => ('buyPrice' in v ? { ...v, buyPrice: '', sellPrice: '' } : v));
  }

  const locked = bot?.status === 'ACTIVE'; // the server answers 409 to edits of a running bot
  const save = useBotMutation((input: BotInput) => (bot ? botApi.update(bot.id, input) : botApi.create(input)));

  function change(name: string, value: FormValue) {
    setValues((v) => ({ ...v, [name]: value }));
  }

  /** Fresh values for a strategy, with the LTP's default prices when the strategy has buy and sell prices. */
  function freshValues(id: string, market: string): FormValues {
    const ps = strategies.find((s) => s.id === id)?.parameters ?? [];
    const values = initialValues(ps);
    if (!ltpPrice || !isDecimal(ltpPrice) || !ps.some((p) => p.name === 'buyPrice') || !ps.some((p) => p.name === 'sellPrice')) {
      defaultedMarket.current = null;
      return values;
    }
    defaultedMarket.current = market;
    return { ...values, ...defaultPrices(ltpPrice) };
  }

  function chooseStrategy(id: string) {
    setStrategy(id);
    setValues(freshValues(id, `${exchange}|${symbol}|${id}`));
    setErrors(NO_ERRORS);
  }

  function chooseExchange(id: string) {
    setExchange(id);
    const symbols = exchanges.find((e) => e.id === id)?.symbols ?? [];
    if (!symbols.some((s) => s.symbol === symbol)) chooseSymbol(symbols[0]?.symbol ?? '');
  }

  function reset() {
    setName(start.name);
    setExchange(start.exchange);
    setSymbol(start.symbol);
    setStrategy(start.strategy);
    setMode(start.mode);
    setErrors(NO_ERRORS);
    if (bot) setValues(start.values);
    else if (start.exchange === exchange && start.symbol === symbol) setValues(freshValues(start.strategy, `${exchange}|${symbol}|${start.strategy}`));
    else {
      // another market's LTP is not this one's: the effect fills the prices once the start market's LTP is back
      defaultedMarket.current = null;
      setValues(start.values);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const { config, errors: local } = toConfig(params, values);
    if (Object.keys(local).length > 0) {
      setErrors({ ...NO_ERRORS, config: local });
      return;
    }
    setErrors(NO_ERRORS);
    const input: BotInput = {
      name: name.trim() || `${definition?.name ?? strategy} ${symbol}`, exchange, symbol, strategy, mode, config,
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        toast.success(bot ? `${saved.name} saved` : `${saved.name} created`);
        navigate(`/bots/${saved.id}`);
      },
      onError: (err) => {
        const mapped = err instanceof ApiError
          ? mapProblem(err.problem, TOP_FIELDS, params.map((p) => p.name))
          : { ...NO_ERRORS, general: [err.message] };
        setErrors(mapped);
        toast.error(hasErrors(mapped) && err instanceof ApiError && err.status === 400
          ? 'Please fix the highlighted fields.' : err.message);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-xl font-semibold">{bot ? `Edit ${bot.name}` : 'New bot'}</h1>
      {locked && (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This bot is running. Stop it to change its settings.
        </p>
      )}
      {errors.general.length > 0 && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {errors.general.map((g) => <p key={g}>{g}</p>)}
        </div>
      )}
      <Card className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="name" error={errors.fields.name}>
          <input id="name" className={inputClass} value={name} placeholder={`${definition?.name ?? 'Bot'} ${symbol}`}
            aria-invalid={!!errors.fields.name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Exchange" htmlFor="exchange" error={errors.fields.exchange}>
          <select id="exchange" className={inputClass} value={exchange} aria-invalid={!!errors.fields.exchange}
            onChange={(e) => chooseExchange(e.target.value)}>
            {exchanges.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </Field>
        <Field label="Symbol" htmlFor="symbol" error={errors.fields.symbol}
               help={symbol && !instrument ? `Not a market of ${venue?.name ?? exchange}.` : undefined}>
          <input id="symbol" list="symbols" autoComplete="off" className={inputClass} value={symbol}
            aria-invalid={!!errors.fields.symbol} onChange={(e) => chooseSymbol(e.target.value.toUpperCase())} />
          <datalist id="symbols">
            {(venue?.symbols ?? []).map((s) => <option key={s.symbol} value={s.symbol} />)}
          </datalist>
        </Field>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium">Last traded price</span>
          <div className="flex h-[34px] items-center text-lg font-semibold tabular-nums" data-testid="ltp">
            {!instrument ? 'N/A' : ltp.isPending ? <span className="text-sm text-slate-500">Loading…</span>
              : ltp.data === null && !livePrice ? 'N/A' : ltpPrice && sizing ? formatPrice(ltpPrice, sizing.market) : 'N/A'}
          </div>
          {instrument && <p className="text-xs text-slate-500">Tick {instrument.tickSize} {instrument.quoteAsset} · lot {instrument.lotSize} {instrument.baseAsset} · min notional {instrument.minNotional} {instrument.quoteAsset}</p>}
        </div>
        <Field label="Strategy" htmlFor="strategy" error={errors.fields.strategy} help={definition?.description}>
          <select id="strategy" className={inputClass} value={strategy} aria-invalid={!!errors.fields.strategy}
            onChange={(e) => chooseStrategy(e.target.value)}>
            {strategies.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </Field>
        <Field label="Mode" htmlFor="mode" error={errors.fields.mode}
               help={mode === 'LIVE' ? 'Live trading sends real orders with your exchange keys.' : 'Paper: simulated fills, no real money.'}>
          <select id="mode" className={inputClass} value={mode} aria-invalid={!!errors.fields.mode}
            onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="PAPER">PAPER</option>
            <option value="LIVE" disabled={!venue?.liveTrading}>LIVE{venue?.liveTrading ? '' : ' (not available)'}</option>
          </select>
        </Field>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{definition?.name ?? 'Strategy'} parameters</h2>
        <ParameterForm parameters={params} values={values} errors={errors.config} onChange={change} priceDecimals={priceDecimals} sizing={sizing} />
      </Card>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending || locked}>
          {save.isPending ? 'Saving…' : bot ? 'Save bot' : 'Create bot'}
        </Button>
        <Button onClick={reset}>Reset</Button>
        <Button variant="ghost" className="ml-auto" onClick={() => navigate(-1)}>Cancel</Button>
      </div>
    </form>
  );
}

/** The market's price as it ticks on the event stream (null until the first tick or without a market). */
function useLivePrice(exchange: string, symbol: string): string | null {
  const { onTicks } = useStream();
  const [price, setPrice] = useState<{ market: string; price: string } | null>(null);
  const market = `${exchange}|${symbol}`;
  useEffect(() => {
    if (!exchange || !symbol) return;
    return onTicks(exchange, symbol, (t) => setPrice({ market, price: t.price }));
  }, [exchange, symbol, market, onTicks]);
  return price && price.market === market ? price.price : null;
}

interface BalanceInput {
  paper: boolean;
  editingPaper: boolean;
  bot?: Bot;
  venue?: Exchange;
  quote: string;
  /** GET /bots/{id}/balances; null: the server has no such endpoint; undefined: not asked (yet). */
  balances: Balance[] | null | undefined;
  loading: boolean;
}

/**
 * The quote balance the "% of available balance" buttons size from: an edited paper bot's own available balance
 * (GET /bots/{id}/balances), a new paper account's start (`paperQuoteBalance` of GET /exchanges), and on servers
 * without those the configured default (plus the bot's PnL). Live balances are not available.
 */
export function paperBalance({ paper, editingPaper, bot, venue, quote, balances, loading }: BalanceInput): { balance: string | null; balanceNote: string } {
  if (!paper) return { balance: null, balanceNote: 'Live balances are not available from the server: size the order by hand.' };
  const start = venue?.paperQuoteBalance && isDecimal(venue.paperQuoteBalance) ? venue.paperQuoteBalance : null;
  const startText = group(start ?? PAPER_QUOTE_BALANCE);
  if (editingPaper) {
    if (loading) return { balance: null, balanceNote: 'Loading this bot\'s balance…' };
    const own = balances?.find((b) => b.asset === quote);
    if (own && isDecimal(own.available)) return { balance: own.available, balanceNote: 'this bot\'s paper account, what its open orders do not hold' };
    if (balances == null && bot?.pnl && isDecimal(bot.pnl)) {
      return { balance: add(start ?? PAPER_QUOTE_BALANCE, bot.pnl), balanceNote: `paper account: ${startText} start plus this bot's PnL` };
    }
  }
  return { balance: start ?? PAPER_QUOTE_BALANCE, balanceNote: `a new paper account starts with ${startText}` };
}
