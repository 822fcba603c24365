import { NavLink, Outlet } from 'react-router-dom';
import { useBacktestsAvailable, useMe } from '../api/hooks';
import { useAuth } from '../auth/AuthContext';
import { useStream } from '../stream/StreamContext';
import type { ConnectionState } from '../stream/EventStream';
import { useTheme } from './theme';
import { ToastViewport } from './Toasts';
import { Button } from './ui';

const CONNECTION: Record<ConnectionState, { label: string; dot: string }> = {
  open: { label: 'Live', dot: 'bg-emerald-500' },
  connecting: { label: 'Connecting…', dot: 'bg-amber-400 animate-pulse' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-amber-500 animate-pulse' },
  closed: { label: 'Offline', dot: 'bg-red-500' },
};

export function Layout() {
  const { token, logout } = useAuth();
  const me = useMe(token != null);
  const backtests = useBacktestsAvailable(token != null);
  const { state } = useStream();
  const { theme, toggle } = useTheme();
  const conn = CONNECTION[state];

  const links = [
    { to: '/', label: 'Home', end: true },
    { to: '/bots/new', label: 'New bot' },
    { to: '/dex/new', label: 'DEX bot' },
    { to: '/dex/wallets', label: 'Wallets' }, { to: '/dex/transactions', label: 'Transactions' },
    { to: '/orders', label: 'Orders' },
    { to: '/portfolio', label: 'Portfolio' },
    { to: '/models', label: 'Models' },
    { to: '/logs', label: 'Activity' },
    { to: '/credentials', label: 'API keys' },
    { to: '/notifications', label: 'Notifications' }, { to: '/webhooks', label: 'Webhooks' },
    ...(backtests.data ? [{ to: '/backtest', label: 'Backtest' }] : []),
  ];

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <span className="text-lg font-bold text-indigo-600 dark:text-indigo-400">botfleet</span>
          <nav className="order-last flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto" aria-label="Main">
            {links.map((l) => (
              <NavLink key={l.to} to={l.to} end={l.end}
                className={({ isActive }) => `whitespace-nowrap rounded-md px-2 py-1.5 sm:px-3 text-sm font-medium ${isActive
                  ? 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100'
                  : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}>
                {l.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <span className="flex items-center gap-1.5" data-connection={state} title="Event stream">
              <span className={`h-2.5 w-2.5 rounded-full ${conn.dot}`} />
              <span className="hidden sm:inline">{conn.label}</span>
            </span>
            <Button variant="ghost" onClick={toggle} aria-label="Toggle theme" title="Toggle theme">
              {theme === 'dark' ? '☀' : '☾'}
            </Button>
            <NavLink to="/settings" aria-label="Account settings" title="Account settings"
              className={({ isActive }) => `flex min-w-0 items-center gap-1 rounded-md px-2 py-1.5 ${isActive
                ? 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}>
              <span aria-hidden="true">⚙</span>
              <span className="hidden max-w-40 truncate md:inline">{me.data?.email ?? 'Settings'}</span>
            </NavLink>
            <Button variant="ghost" onClick={() => logout()}>Log out</Button>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <ToastViewport />
        <Outlet />
      </main>
    </div>
  );
}
