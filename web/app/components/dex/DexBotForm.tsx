// A DEX bot: network, base and quote token addresses (symbols looked up on chain), how much to buy per order,
// slippage, the intelligence level 1-10, and Paper (default) or Live with one of the user's wallets (docs/dex-live.md).
// The bot buys orderAmount of quote at market every interval (simple-dca, no take-profit limit: a DEX market fills
// market orders only — docs/dex.md).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { Button, Card, Field, inputClass } from '../ui';
import { mapProblem } from '../../lib/errors';
import { lookUpToken, riskPageLink, useDexNetworks, type DexBotView, type DexToken } from './dexApi';
import { DexModeField, type DexMode } from './DexModeField';
import { IntelTable } from './IntelTable';
import { DexLiveConfirmDialog, type DexLivePlan } from './DexLiveConfirmDialog';
import { OTP_HEADER } from '../../api/twoFactor';

const FIELDS = ['name', 'network', 'baseToken', 'quoteToken', 'slippageBps', 'intelLevel', 'strategy', 'mode',
  'walletKeyId'] as const;

/** The errors without those of fields the user just changed. */
const without = (errors: Record<string, string>, ...fields: string[]) =>
  Object.fromEntries(Object.entries(errors).filter(([field]) => !fields.includes(field)));

function TokenField({ id, label, network, value, onChange, error, riskLink, onToken }:
  { id: string; label: string; network: string; value: string; onChange: (v: string) => void; error?: string; riskLink?: string;
    onToken?: (t: DexToken | null) => void }) {
  const [token, setTokenState] = useState<DexToken | null>(null);
  // the form shows the symbol in the LIVE confirm dialog
  const setToken = (t: DexToken | null) => { setTokenState(t); onToken?.(t); };
  const [problem, setProblem] = useState<string | null>(null);
  async function lookUp() {
    setToken(null);
    setProblem(null);
    try {
      setToken(await lookUpToken(network, value.trim()));
    } catch (e) {
      setProblem(e instanceof ApiError ? (e.problem?.errors?.[0]?.message ?? e.message) : String(e));
    }
  }
  return (
    <Field label={label} htmlFor={id} error={error ?? problem ?? undefined}
      help={token ? `${token.symbol} · ${token.decimals} decimals` : 'The token contract address (0x…).'}>
      <div className="flex gap-2">
        <input id={id} className={inputClass} value={value} placeholder="0x…" spellCheck={false}
          onChange={(e) => { onChange(e.target.value); setToken(null); }} onBlur={() => value.trim() && network && lookUp()} />
        <Button type="button" onClick={lookUp} disabled={!value.trim() || !network}>Look up</Button>
      </div>
      {token && <span className="text-sm font-medium" data-testid={`${id}-symbol`}>{token.symbol}</span>}
      {token && riskLink && <Link className="text-sm text-sky-700 underline" to={riskLink} target="_blank">Risk report of {token.symbol}</Link>}
    </Field>
  );
}

export function DexBotForm() {
  const networks = useDexNetworks();
  const navigate = useNavigate();
  const [name, setName] = useState('DEX bot');
  const [network, setNetwork] = useState('');
  const [baseToken, setBaseToken] = useState('');
  const [quoteToken, setQuoteToken] = useState('');
  const [orderAmount, setOrderAmount] = useState('100');
  const [intervalMinutes, setIntervalMinutes] = useState('60');
  const [slippageBps, setSlippageBps] = useState('100');
  const [exitOnPull, setExitOnPull] = useState('0');
  const [intelLevel, setIntelLevel] = useState(5);
  const [mode, setMode] = useState<DexMode>('PAPER');
  const [walletKeyId, setWalletKeyId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [baseSymbol, setBaseSymbol] = useState<string | null>(null);
  const [quoteSymbol, setQuoteSymbol] = useState<string | null>(null);
  // a LIVE bot waiting for the user's word in the confirm dialog
  const [pendingLive, setPendingLive] = useState<DexLivePlan | null>(null);
  const chosen = network || networks.data?.[0]?.name || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setGeneral(null);
    if (mode === 'LIVE' && !walletKeyId) {
      setErrors({ walletKeyId: 'Choose the wallet this bot swaps with.' });
      return;
    }
    if (mode === 'LIVE') {
      setPendingLive({ name, network: chosen, walletKeyId, orderAmount, maxPositionAmount: orderAmount,
        intervalMinutes: intervalMinutes.trim(), baseToken: baseToken.trim(), quoteToken: quoteToken.trim(), baseSymbol,
        quoteSymbol });
      return;
    }
    await create();
  }

  async function create(otp?: string) {
    setBusy(true);
    setErrors({});
    try {
      const created = await api<DexBotView>('/dex/bots', {
        method: 'POST', headers: otp ? { [OTP_HEADER]: otp.replace(/\s/g, '') } : undefined, json: {
          name, network: chosen, baseToken: baseToken.trim(), quoteToken: quoteToken.trim(), strategy: 'simple-dca',
          slippageBps: slippageBps.trim(), intelLevel, mode,
          // only a LIVE bot has a wallet: a paper bot never signs anything
          ...(mode === 'LIVE' ? { walletKeyId } : {}),
          config: { orderAmount, intervalMinutes: intervalMinutes.trim(), maxPositionAmount: orderAmount, takeProfitPercent: '0',
            exitOnLiquidityPullPercent: exitOnPull.trim() },
        },
      });
      navigate(`/bots/${created.bot.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const mapped = mapProblem(err.problem, FIELDS, ['orderAmount', 'intervalMinutes', 'maxPositionAmount',
          'exitOnLiquidityPullPercent']);
        setErrors({ ...mapped.fields, ...mapped.config });
        setGeneral(mapped.general.join(' ') || null);
      } else {
        setGeneral(String(err));
      }
    } finally {
      setBusy(false);
    }
  }

  if (networks.data && networks.data.length === 0) {
    return <Card><p className="text-sm">No DEX network is configured on this server (botfleet.dex.networks).</p></Card>;
  }
  return (
    <Card>
      <form className="flex flex-col gap-3" onSubmit={submit} aria-label="New DEX bot">
        <Field label="Name" htmlFor="dex-name" error={errors.name}>
          <input id="dex-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Network" htmlFor="dex-network" error={errors.network}>
          <select id="dex-network" className={inputClass} value={chosen} onChange={(e) => setNetwork(e.target.value)}>
            {networks.data?.map((n) => <option key={n.name} value={n.name}>{n.name} (chain {n.chainId})</option>)}
          </select>
        </Field>
        <TokenField id="dex-base" label="Base token (bought and sold)" network={chosen} value={baseToken}
          onChange={setBaseToken} onToken={(t) => setBaseSymbol(t?.symbol ?? null)} error={errors.baseToken} riskLink={riskPageLink({ network: chosen, token: baseToken.trim(),
            quoteToken: quoteToken.trim() || undefined, size: orderAmount.trim() || undefined, level: intelLevel })} />
        <TokenField id="dex-quote" label="Quote token (paid with)" network={chosen} value={quoteToken}
          onChange={setQuoteToken} onToken={(t) => setQuoteSymbol(t?.symbol ?? null)} error={errors.quoteToken} />
        <Field label="Size per buy (quote token)" htmlFor="dex-size" error={errors.orderAmount}>
          <input id="dex-size" className={inputClass} inputMode="decimal" value={orderAmount}
            onChange={(e) => setOrderAmount(e.target.value)} />
        </Field>
        <Field label="Buy every (minutes)" htmlFor="dex-interval" error={errors.intervalMinutes}
          help="The first buy comes with the pool's first price after the start.">
          <input id="dex-interval" className={inputClass} inputMode="numeric" value={intervalMinutes}
            onChange={(e) => setIntervalMinutes(e.target.value)} />
        </Field>
        <Field label="Slippage tolerance (basis points)" htmlFor="dex-slippage" error={errors.slippageBps}
          help="100 = 1 %: how far from the last price a fill may be, pool fee included.">
          <input id="dex-slippage" className={inputClass} inputMode="numeric" value={slippageBps}
            onChange={(e) => setSlippageBps(e.target.value)} />
        </Field>
        <Field label="Sell on a liquidity pull (% of a pool, 0 = off)" htmlFor="dex-exit-pull" error={errors.exitOnLiquidityPullPercent}
          help="Sells the whole position as soon as a pending transaction that removes at least this share of one of the market's pools is seen in the mempool, before it is mined.">
          <input id="dex-exit-pull" className={inputClass} inputMode="decimal" value={exitOnPull}
            onChange={(e) => setExitOnPull(e.target.value)} />
        </Field>
        <Field label={`Intelligence level: ${intelLevel}`} htmlFor="dex-intel" error={errors.intelLevel}
          help="1 = most cautious (smart lane, full analysis); 10 = most aggressive (fast lane). Stored with each session.">
          <input id="dex-intel" type="range" min={1} max={10} step={1} value={intelLevel}
            onChange={(e) => setIntelLevel(Number(e.target.value))} />
        </Field>
        <IntelTable selected={intelLevel} />
        <DexModeField mode={mode} network={chosen} walletKeyId={walletKeyId}
          errors={{ mode: errors.mode, walletKeyId: errors.walletKeyId }}
          onMode={(m) => { setMode(m); setErrors((e) => without(e, 'mode', 'walletKeyId')); }}
          onWallet={(id) => { setWalletKeyId(id); setErrors((e) => without(e, 'walletKeyId')); }} />
        {general && <p className="text-sm text-red-600" role="alert">{general}</p>}
        <div><Button type="submit" variant="primary" disabled={busy}>
          {mode === 'LIVE' ? 'Create LIVE DEX bot' : 'Create paper DEX bot'}</Button></div>
      </form>
      <DexLiveConfirmDialog plan={pendingLive} onCancel={() => setPendingLive(null)}
        onConfirm={(otp) => { setPendingLive(null); void create(otp); }} />
    </Card>
  );
}
