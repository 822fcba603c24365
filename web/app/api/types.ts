// JSON shapes of docs/api.md. Decimals arrive as strings and stay strings.

export type BotStatus = 'ACTIVE' | 'STOPPED' | 'ERROR';
export type Mode = 'PAPER' | 'LIVE';
export type Side = 'BUY' | 'SELL';
export type LogLevel = 'INFO' | 'SUCCESS' | 'WARNING' | 'ERROR';
/** How much a perpetual bot can lose: ISOLATED (the server's default) only its own margin, CROSS the account's. */
export type MarginMode = 'ISOLATED' | 'CROSS';
export type PositionSide = 'LONG' | 'SHORT' | 'FLAT';

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface User {
  id: number | string;
  email: string;
  role: string;
  createdAt: string;
}

export interface Bot {
  id: number | string;
  name: string;
  exchange: string;
  symbol: string;
  strategy: string;
  mode: Mode;
  status: BotStatus;
  config: Record<string, unknown>;
  pnl: string | null;
  totalTrades: number;
  lastFillTime: string | null;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Candles the strategy still needs before it can decide (null or absent: none / an older server). */
  warmup?: Warmup | null;
  /** The exchange key a LIVE bot trades with (null for paper; absent on older servers). */
  credentialId?: string | null;
  /** Perpetuals only ("5"); null for spot (absent on older servers). */
  leverage?: string | null;
  /** Perpetuals only; null for spot (absent on older servers). */
  marginMode?: MarginMode | null;
  /** A signal bot's webhook (strategy `signal`): lib/signals.ts. */
  signalWebhook?: import('../lib/signals').SignalWebhook | null;
}

export interface Warmup { needed: number; received: number }

/** GET /bots/{id}/balances: the bot's account (a paper bot's simulated one). */
export interface Balance { asset: string; total: string; available: string }

export interface BotInput {
  name: string;
  exchange: string;
  symbol: string;
  strategy: string;
  mode: Mode;
  config: Record<string, unknown>;
  /** Sent only for LIVE: the key of the bot's exchange it trades with. */
  credentialId?: string;
  /** Perpetual symbols only (≥ 1, ≤ the symbol's maxLeverage); never sent for spot. */
  leverage?: string;
  /** Perpetual symbols only; never sent for spot. */
  marginMode?: MarginMode;
}

export interface Statistics {
  totalBots: number;
  activeBots: number;
  stoppedBots: number;
  errorBots: number;
  totalPnl: string;
  totalTrades: number;
  /** The PnL summed per quote currency (absent on older servers). */
  totalPnlByQuote?: Record<string, string>;
}

export interface Order {
  id: number | string;
  botId: number | string;
  clientOrderId: string;
  exchangeOrderId: string | null;
  exchange: string;
  symbol: string;
  side: Side;
  type: 'LIMIT' | 'MARKET' | 'STOP_MARKET';
  timeInForce: string | null;
  price: string | null;
  /** STOP_MARKET only, else null (older servers: absent). */
  triggerPrice?: string | null;
  quantity: string;
  status: string;
  filledQuantity: string | null;
  averagePrice: string | null;
  fee: string | null;
  feeCurrency: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
  /** The model's confidence that placed it (ml-signal entries), else null (older servers: absent). */
  confidence?: number | null;
}

export const OPEN_ORDER_STATUSES = ['INITIALIZED', 'SUBMITTED', 'ACCEPTED', 'PARTIALLY_FILLED', 'PENDING_CANCEL'];

export interface Trade {
  id: number | string;
  botId: number | string;
  orderId: number | string;
  clientOrderId: string;
  tradeId: string;
  symbol: string;
  side: Side;
  price: string;
  quantity: string;
  fee: string | null;
  feeCurrency: string | null;
  realizedPnl: string | null;
  executedAt: string;
}

export interface Position {
  botId: number | string;
  exchange: string;
  symbol: string;
  quantity: string;
  averageEntryPrice: string | null;
  realizedPnl: string | null;
  unrealizedPnl: string | null;
  lastPrice: string | null;
  updatedAt: string;
  /** Absent on older servers: the sign of `quantity` says it. */
  side?: PositionSide;
  /** Perpetuals only ("5"), else null. */
  leverage?: string | null;
  /** Perpetuals only, null while flat or unknown. */
  liquidationPrice?: string | null;
  /** Funding received minus paid, in the settle asset, already inside realizedPnl; "0" on spot. */
  funding?: string;
}

export interface BotStats {
  pnl: string | null;
  realizedPnl: string | null;
  unrealizedPnl: string | null;
  totalTrades: number;
  winningTrades: number;
  losingTrades: number;
  fees: string | null;
  /** Executions so far; totalTrades counts completed round trips (deals) only. */
  fills?: number;
  openOrders?: number;
  winRate?: string | null;
  [key: string]: unknown;
}

export interface LogEntry {
  id: number | string;
  botId: number | string | null;
  level: LogLevel;
  message: string;
  createdAt: string;
}

export type ParameterType = 'DECIMAL' | 'INTEGER' | 'BOOLEAN' | 'ENUM' | 'STRING' | 'JSON';

export interface ParameterDefinition {
  name: string;
  type: ParameterType;
  default: unknown;
  min: string | number | null;
  exclusiveMin: boolean;
  max: string | number | null;
  step: string | number | null;
  options: string[] | null;
  unit: string | null;
  description: string | null;
  required: boolean;
  /** A running bot may take a new value (PUT on an ACTIVE bot); absent on older servers: no. */
  liveEditable?: boolean;
}

export interface StrategyDefinition {
  id: string;
  name: string;
  description: string;
  parameters: ParameterDefinition[];
  /** Whether the strategy may sell first: on a perpetual that opens a short (absent on older servers: no). */
  canShort?: boolean;
}

export interface SymbolInfo {
  symbol: string;
  baseAsset: string;
  quoteAsset: string;
  tickSize: string;
  lotSize: string;
  minQuantity: string;
  minNotional: string;
  makerFee: string;
  takerFee: string;
  /** A perpetual contract, not spot (absent on older servers: spot). */
  perpetual?: boolean;
  /** The asset margin, PnL and funding are settled in (perpetuals), else null. */
  settleAsset?: string | null;
  /** Highest leverage the venue allows on this contract ("50"), null for spot. */
  maxLeverage?: string | null;
  contractSize?: string | null;
}

export type VenueStatus = 'READY' | 'UNAVAILABLE';

export interface Exchange {
  id: string;
  name: string;
  liveTrading: boolean;
  /** Older servers: absent (every venue trades paper). */
  paperTrading?: boolean;
  /** Whether the venue has a testnet a key can be stored for (absent: no). */
  testnet?: boolean;
  /** UNAVAILABLE: the venue cannot be used now (`statusReason` says why); absent on older servers: READY. */
  status?: VenueStatus;
  statusReason?: string | null;
  /** A real venue may list thousands (or none while UNAVAILABLE): search them with GET /exchanges/{id}/symbols. */
  symbols: SymbolInfo[];
  /** What a new paper bot's account starts with, in the quote asset (absent on older servers). */
  paperQuoteBalance?: string | null;
}

/** A stored exchange key (secrets never come back). */
export interface Credential {
  id: string;
  exchange: string;
  label: string;
  /** `****` and the key's last 4 characters. */
  apiKeyMasked: string;
  testnet?: boolean;
  canTrade?: boolean;
  /** Dangerous and never needed: the server warns about it in `warnings`. */
  canWithdraw?: boolean;
  verifiedAt?: string | null;
  warnings?: string[];
  createdAt: string;
}

export interface CredentialInput {
  exchange: string;
  label?: string;
  apiKey: string;
  apiSecret: string;
  testnet?: boolean;
}

/** GET /credentials/{id}/balances: the venue's account behind a key. */
export interface CredentialBalances {
  credentialId: string;
  exchange: string;
  fetchedAt: string;
  balances: Balance[];
}

export interface Ltp {
  exchange: string;
  symbol: string;
  price: string;
  fundingRate: string | null;
  timestamp: string;
}

export interface Tick {
  exchange: string;
  symbol: string;
  price: string;
  timestamp: string;
}

export type BacktestStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface Dataset {
  id: string;
  symbol: string;
  timeframe: string;
  candles: number;
  from: string;
  to: string;
}

export interface BacktestInput {
  strategy: string;
  dataset: string;
  params: Record<string, unknown>;
  fillModel: string;
  fee?: string;
  balance?: string;
  slippageTicks?: string;
  stoploss?: string;
  /** A parameter sweep instead of one run (components/walkforward). */
  sweep?: SweepInput;
  /** With `sweep`: a walk-forward analysis over consecutive folds. */
  walkForward?: { folds: number | string; inSample: number | string };
}

/** Per parameter "from:to:step" (inclusive) or the values to try. */
export interface SweepInput {
  ranges: Record<string, string | string[]>;
  search: 'grid' | 'random';
  samples?: number | string;
  seed?: number | string;
  metric: string;
}

export interface BacktestTrade {
  entryTime: string;
  exitTime: string | null;
  direction: string;
  quantity: string;
  entryPrice: string | null;
  exitPrice: string | null;
  fees: string;
  pnl: string;
  closeReason: string | null;
}

export interface BacktestResult {
  symbol: string;
  timeframe: string;
  candles: number;
  startingBalance: string;
  /** Money as exact strings; ratios as plain numbers (0.12 = 12%); undefined metrics null. */
  metrics: Record<string, string | number | null>;
  trades: BacktestTrade[];
  equity: { time: string; equity: string }[];
  /** Every asset of the account after the last candle; base asset left = a position still open. */
  finalBalances?: Record<string, string>;
  /** The candles the run replayed (absent on older servers). */
  prices?: { time: string; open: string; high: string; low: string; close: string }[];
  /** The position still held after the last candle (null: flat; absent: older server). */
  openPosition?: BacktestOpenPosition | null;
  from?: string;
  to?: string;
  stopReason: string | null;
  failed: boolean;
  warnings: string[];
}

export interface BacktestOpenPosition {
  quantity: string;
  entryPrice: string | null;
  entryTime: string | null;
  lastPrice: string | null;
  unrealizedPnl: string | null;
}

export interface Backtest {
  id: string;
  status: BacktestStatus;
  /** 0..1 */
  progress: number;
  strategy: string;
  /** "config" for a portfolio (Freqtrade config) run. */
  dataset: string;
  /** The pairs label of a portfolio run ("LTC/BTC +2"). */
  symbol?: string;
  timeframe?: string;
  createdAt?: string;
  finishedAt?: string | null;
  error: string | null;
  /** A single-symbol run's report; a portfolio run's is a PortfolioRunResult (lib/ftresult). */
  result?: BacktestResult;
}

export type StreamEvent =
  | { type: 'bot'; data: Bot }
  | { type: 'order'; data: Order }
  | { type: 'trade'; data: Trade }
  | { type: 'log'; data: LogEntry }
  | { type: 'tick'; data: Tick };
