import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiError } from './api/client';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { LoginPage } from './auth/LoginPage';
import { OidcLoginPage } from './auth/OidcLoginPage';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { Layout } from './components/Layout';
import { ToastProvider } from './components/Toasts';
import { Spinner } from './components/ui';
import { BotFormPage } from './pages/BotFormPage';
import { DexBotPage } from './pages/DexBotPage';
import { DexRiskPage } from './pages/DexRiskPage';
import { DexTransactionsPage } from './pages/DexTransactionsPage';
import { WalletsPage } from './pages/WalletsPage';
import { CredentialsPage } from './pages/CredentialsPage';
import { HomePage } from './pages/HomePage';
import { LogsPage } from './pages/LogsPage';
import { ModelsPage } from './pages/ModelsPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { OrdersPage } from './pages/OrdersPage';
import { SettingsPage } from './pages/SettingsPage';
import { StreamProvider } from './stream/StreamContext';

// The chart library is the bulk of the bundle: only the pages with charts load it.
const BotDetailPage = lazy(() => import('./pages/BotDetailPage').then((m) => ({ default: m.BotDetailPage })));
const BacktestPage = lazy(() => import('./pages/BacktestPage').then((m) => ({ default: m.BacktestPage })));
const PortfolioPage = lazy(() => import('./pages/PortfolioPage').then((m) => ({ default: m.PortfolioPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network blips and 5xx get two more tries.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function RequireAuth({ children }: { children: ReactNode }) {
  const { token, loggedOut } = useAuth();
  const location = useLocation();
  // An expired session or a deep link comes back to its page after login; a chosen logout starts over at home.
  if (!token) return <Navigate to="/login" replace state={loggedOut ? null : { from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BrowserRouter>
          <AuthProvider>
            <StreamProvider>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/login/oidc" element={<OidcLoginPage />} />
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                <Route path="/reset-password" element={<ResetPasswordPage />} />
                <Route element={<RequireAuth><Layout /></RequireAuth>}>
                  <Route index element={<HomePage />} />
                  <Route path="bots/new" element={<BotFormPage />} />
                  <Route path="dex/new" element={<DexBotPage />} />
                  <Route path="dex/wallets" element={<WalletsPage />} />
                  <Route path="dex/transactions" element={<DexTransactionsPage />} />
                  <Route path="dex/risk" element={<DexRiskPage />} />
                  <Route path="bots/:id" element={<Suspense fallback={<Spinner />}><BotDetailPage /></Suspense>} />
                  <Route path="bots/:id/edit" element={<BotFormPage />} />
                  <Route path="orders" element={<OrdersPage />} />
                  <Route path="portfolio" element={<Suspense fallback={<Spinner />}><PortfolioPage /></Suspense>} />
                  <Route path="logs" element={<LogsPage />} />
                  <Route path="models" element={<ModelsPage />} />
                  <Route path="credentials" element={<CredentialsPage />} />
                  <Route path="settings" element={<SettingsPage />} />
                  <Route path="notifications" element={<NotificationsPage />} />
                  <Route path="webhooks" element={<WebhooksPage />} />
                  <Route path="backtest" element={<Suspense fallback={<Spinner />}><BacktestPage /></Suspense>} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Route>
              </Routes>
            </StreamProvider>
          </AuthProvider>
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}
