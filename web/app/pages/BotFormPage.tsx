import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useBot, useBotBalances, useBotMutation, useCredentialBalances, useExchanges, useLtp, useStrategies } from '../api/hooks';
import type { Bot, BotInput, Exchange, MarginMode, Mode, StrategyDefinition, SymbolInfo } from '../api/types';
import { LiveConfirmDialog } from '../components/LiveConfirmDialog';
import { guardedApi } from '../api/twoFactor';
import { LiveKeyField } from '../components/LiveKeyField';
import { controlsFor } from '../components/models/strategyControls';
import { ParameterForm } from '../components/ParameterForm';
import { PerpetualFields } from '../components/PerpetualFields';
import type { Sizing } from '../components/QuantityControls';
import { SymbolCombobox } from '../components/SymbolCombobox';
import { useToast } from '../components/Toasts';
import { Button, Card, ErrorBox, Field, inputClass, Spinner } from '../components/ui';
import { isDecimal } from '../lib/decimal';
import { hasErrors, mapProblem, type FormErrors } from '../lib/errors';
import { initialValues, toConfig, type FormValue, type FormValues } from '../lib/params';
import { formatPrice, stepDecimals } from '../lib/money';
import { liveBalance, paperBalance } from '../lib/paperBalance';
import { DEFAULT_LEVERAGE, DEFAULT_MARGIN_MODE, isPerpetual, SHORT_HINT, leverageError, perpetualFields, plainNumber } from '../lib/perpetual';
import { defaultPrices, pricePrecision } from '../lib/pricing';
import { isAvailable, tradesLive, tradesPaper, unavailableHint, venueLabel } from '../lib/venues';
import { useLivePrice } from '../stream/useLivePrice';

const TOP_FIELDS = ['name', 'exchange', 'symbol', 'strategy', 'mode', 'credentialId'] as const;
/** Shown for perpetual markets only: on spot the server's errors about them are general ones. */
const PERPETUAL_FIELDS = ['leverage', 'marginMode'] as const;
const NO_ERRORS: FormErrors = { fields: {}, config: {}, general: [] };

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
  // a new bot starts on paper, on the first venue that can trade it now
  const exchange = bot?.exchange ?? (exchanges.find((e) => isAvailable(e) && tradesPaper(e)) ?? exchanges.find(isAvailable) ?? exchanges[0])?.id ?? '';
  const venue = exchanges.find((e) => e.id === exchange);
  return {
    name: bot?.name ?? '',
    exchange,
    symbol: bot?.symbol ?? venue?.symbols[0]?.symbol ?? '',
    strategy,
    mode: bot?.mode ?? ((tradesPaper(venue) || !tradesLive(venue) ? 'PAPER' : 'LIVE') as Mode),
    credentialId: bot?.credentialId ?? '',
    leverage: bot?.leverage ? plainNumber(bot.leverage) : DEFAULT_LEVERAGE,
    marginMode: bot?.marginMode ?? DEFAULT_MARGIN_MODE,
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
  const [credentialId, setCredentialId] = useState(start.credentialId);
  const [leverage, setLeverage] = useState(start.leverage);
  const [marginMode, setMarginMode] = useState<MarginMode>(start.marginMode);
  const [values, setValues] = useState<FormValues>(start.values);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  /** A LIVE save waiting for the user to confirm that real money is at stake. */
  const [pendingLive, setPendingLive] = useState<BotInput | null>(null);
  /** The market last picked from the search: a real venue's answer may hold markets its list here lacks. */
  const [picked, setPicked] = useState<SymbolInfo | null>(null);

  const definition = strategies.find((s) => s.id === strategy);
  const params = definition?.parameters ?? [];
  const venue = exchanges.find((e) => e.id === exchange);
  const symbolIndex = useMemo(() => new Map((venue?.symbols ?? []).map((s) => [s.symbol, s])), [venue]);
  const instrument = symbolIndex.get(symbol) ?? (picked?.symbol === symbol ? picked : undefined);
  const perpetual = isPerpetual(instrument);
  const ltp = useLtp(exchange, instrument ? symbol : '');
  const livePrice = useLivePrice(exchange, instrument ? symbol : '');
  const ltpPrice = livePrice ?? ltp.data?.price ?? null;
  const tickDecimals = instrument ? stepDecimals(instrument.tickSize) : undefined;
  const priceDecimals = tickDecimals ?? pricePrecision(ltpPrice, 2);
  const editingPaper = !!bot && bot.mode === 'PAPER' && mode === 'PAPER';
  const balances = useBotBalances(bot?.id, editingPaper);
  const keyBalances = useCredentialBalances(credentialId, mode === 'LIVE' && credentialId !== '');
  const sizing = useMemo<Sizing | undefined>(() => {
    if (!instrument) return undefined;
    const buy = typeof values.buyPrice === 'string' && isDecimal(values.buyPrice) ? values.buyPrice : null;
    const paper = mode === 'PAPER';
    const market = { base: instrument.baseAsset, quote: instrument.quoteAsset, tickSize: instrument.tickSize,
      lotSize: instrument.lotSize, minNotional: instrument.minNotional };
    const { balance, balanceNote } = paper
      ? paperBalance({ paper, editingPaper, bot, venue, quote: instrument.quoteAsset, balances: balances.data, loading: balances.isPending && editingPaper })
      : liveBalance({ venue: venue?.name ?? exchange, quote: instrument.quoteAsset, keyChosen: credentialId !== '',
        balances: keyBalances.data?.balances, loading: keyBalances.isPending, failed: keyBalances.isError });
    const margin = isPerpetual(instrument) && !leverageError(leverage, instrument) ? { leverage: leverage.trim() || DEFAULT_LEVERAGE } : {};
    return { market, price: buy ?? ltpPrice, feeRate: instrument.makerFee, balance, balanceNote, ...margin };
  }, [instrument, values.buyPrice, ltpPrice, mode, bot, venue, exchange, editingPaper, balances.data, balances.isPending,
    credentialId, keyBalances.data, keyBalances.isPending, keyBalances.isError, leverage]);

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

  // a running bot takes its name and live-editable parameters; everything else needs a stop (the server answers 409)
  const locked = bot?.status === 'ACTIVE';
  // a LIVE bot's save carries the authenticator code the confirm dialog asked for (when 2FA is required for LIVE)
  const save = useBotMutation(({ input, otp }: { input: BotInput; otp?: string }) =>
    (bot ? guardedApi.updateBot(bot.id, input, otp) : guardedApi.createBot(input, otp)));

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
    const next = exchanges.find((e) => e.id === id);
    const symbols = next?.symbols ?? [];
    if (!symbols.some((s) => s.symbol === symbol)) chooseSymbol(symbols[0]?.symbol ?? '');
    // a key belongs to one venue; a mode the venue cannot trade falls back to the one it can
    setCredentialId('');
    if (mode === 'LIVE' && !tradesLive(next)) setMode('PAPER');
    if (mode === 'PAPER' && !tradesPaper(next) && tradesLive(next)) setMode('LIVE');
  }

  function reset() {
    setName(start.name);
    setExchange(start.exchange);
    setSymbol(start.symbol);
    setStrategy(start.strategy);
    setMode(start.mode);
    setCredentialId(start.credentialId);
    setLeverage(start.leverage);
    setMarginMode(start.marginMode);
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
    const badLeverage = perpetual && instrument ? leverageError(leverage, instrument) : undefined;
    if (Object.keys(local).length > 0 || badLeverage) {
      setErrors({ ...NO_ERRORS, config: local, fields: badLeverage ? { leverage: badLeverage } : {} });
      return;
    }
    if (mode === 'LIVE' && !credentialId) {
      setErrors({ ...NO_ERRORS, fields: { credentialId: 'Choose the API key this bot trades with.' } });
      return;
    }
    setErrors(NO_ERRORS);
    const input: BotInput = {
      name: name.trim() || `${definition?.name ?? strategy} ${symbol}`, exchange, symbol, strategy, mode, config,
      ...(mode === 'LIVE' ? { credentialId } : {}),
      ...perpetualFields(instrument, leverage, marginMode),
    };
    // real money: nothing is sent before the user says so
    if (mode === 'LIVE') setPendingLive(input);
    else send(input);
  }

  function send(input: BotInput, otp?: string) {
    save.mutate({ input, otp }, {
      onSuccess: (saved) => {
        toast.success(!bot ? `${saved.name} created` : locked ? `${saved.name} saved: the running bot applies it at its next turn`
          : `${saved.name} saved`);
        navigate(`/bots/${saved.id}`);
      },
      onError: (err) => {
        const mapped = err instanceof ApiError
          ? mapProblem(err.problem, perpetual ? [...TOP_FIELDS, ...PERPETUAL_FIELDS] : TOP_FIELDS, params.map((p) => p.name))
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
          This bot is running: you can rename it and change the parameters it takes live. Stop it to change the others.
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
        <fieldset disabled={locked} className="contents">
        <Field label="Exchange" htmlFor="exchange" error={errors.fields.exchange} help={locked ? STOP_TO_CHANGE : unavailableHint(exchanges)}>
          <select id="exchange" className={inputClass} value={exchange} aria-invalid={!!errors.fields.exchange}
            onChange={(e) => chooseExchange(e.target.value)}>
            {exchanges.map((x) => (
              <option key={x.id} value={x.id} disabled={!isAvailable(x)} title={x.statusReason ?? undefined}>{venueLabel(x)}</option>
            ))}
          </select>
        </Field>
        <Field label="Symbol" htmlFor="symbol" error={errors.fields.symbol}
               help={symbol && !instrument ? `Not a market of ${venue?.name ?? exchange}: pick one from the list.` : undefined}>
          <SymbolCombobox id="symbol" venue={venue} value={symbol} invalid={!!errors.fields.symbol}
            describedBy={errors.fields.symbol ? 'symbol-error' : undefined}
            onChange={chooseSymbol} onSelect={(s) => { setPicked(s); chooseSymbol(s.symbol); }} />
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
               help={mode === 'LIVE' ? 'Live trading sends real orders with your exchange key: real money.' : 'Paper: simulated fills, no real money.'}>
          <select id="mode" className={inputClass} value={mode} aria-invalid={!!errors.fields.mode}
            onChange={(e) => setMode(e.target.value as Mode)}>
            <option value="PAPER" disabled={!tradesPaper(venue)}>PAPER{tradesPaper(venue) ? '' : ` (not on ${venue?.name ?? exchange})`}</option>
            <option value="LIVE" disabled={!tradesLive(venue)}>LIVE{tradesLive(venue) ? '' : ` (not on ${venue?.name ?? exchange})`}</option>
          </select>
        </Field>
        {mode === 'LIVE' && venue && (
          <LiveKeyField venue={venue} value={credentialId} error={errors.fields.credentialId}
            onChange={(id) => { setCredentialId(id); setErrors((e) => ({ ...e, fields: withoutKey(e.fields, 'credentialId') })); }} />
        )}
        {perpetual && instrument && (
          <PerpetualFields instrument={instrument} leverage={leverage} marginMode={marginMode}
            errors={{ leverage: errors.fields.leverage, marginMode: errors.fields.marginMode }}
            onLeverage={(v) => { setLeverage(v); setErrors((e) => ({ ...e, fields: withoutKey(e.fields, 'leverage') })); }}
            onMarginMode={(v) => { setMarginMode(v); setErrors((e) => ({ ...e, fields: withoutKey(e.fields, 'marginMode') })); }} />
        )}
        </fieldset>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{definition?.name ?? 'Strategy'} parameters</h2>
        <ParameterForm parameters={params} values={values} errors={errors.config} onChange={change} priceDecimals={priceDecimals} sizing={sizing}
          hints={perpetual && definition?.canShort ? { firstOrder: SHORT_HINT } : undefined} running={locked} controls={controlsFor(strategy)} />
      </Card>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : bot ? 'Save bot' : 'Create bot'}
        </Button>
        <Button onClick={reset}>Reset</Button>
        <Button variant="ghost" className="ml-auto" onClick={() => navigate(-1)}>Cancel</Button>
      </div>
      <LiveConfirmDialog input={pendingLive} venue={venue} editing={!!bot} onCancel={() => setPendingLive(null)}
        onConfirm={(input, otp) => { setPendingLive(null); send(input, otp); }} />
    </form>
  );
}

const STOP_TO_CHANGE = 'Stop the bot to change';

function withoutKey(fields: Record<string, string>, key: string): Record<string, string> {
  const rest = { ...fields };
  delete rest[key];
  return rest;
}
