// Short notices. They sit in the page's flow (the Layout's ToastViewport, under the header) so they never cover
// results; without a viewport (tests, pages outside the Layout) they show in a corner. They dismiss themselves.
import {
  createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode,
} from 'react';
import { readFillToasts, writeFillToasts } from '../lib/fillToasts';

export type ToastKind = 'success' | 'error' | 'info';
export interface Toast { id: number; kind: ToastKind; text: string }

interface ToastApi {
  success: (text: string) => void;
  error: (text: string) => void;
  info: (text: string) => void;
  /** Fill notifications: shown only while the user has not switched them off. */
  fill: (text: string) => void;
  fillToasts: boolean;
  setFillToasts: (on: boolean) => void;
}

interface ToastState { toasts: Toast[]; dismiss: (id: number) => void; register: () => () => void }

const ToastContext = createContext<ToastApi | null>(null);
const ToastStateContext = createContext<ToastState | null>(null);

export const TOAST_MS: Record<ToastKind, number> = { success: 4000, info: 4000, error: 8000 };
const MAX_TOASTS = 3;

const STYLE: Record<ToastKind, string> = {
  success: 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  error: 'border-red-500 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  info: 'border-sky-500 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [viewports, setViewports] = useState(0);
  const [fillToasts, setFillState] = useState(readFillToasts);
  const fillRef = useRef(fillToasts);
  fillRef.current = fillToasts;
  const next = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((t) => t.filter((x) => x.id !== id));
  }, []);
  const push = useCallback((kind: ToastKind, text: string) => {
    const id = next.current++;
    setToasts((t) => [...t.slice(-(MAX_TOASTS - 1)), { id, kind, text }]);
    timers.current.set(id, setTimeout(() => dismiss(id), TOAST_MS[kind]));
  }, [dismiss]);
  useEffect(() => () => timers.current.forEach((t) => clearTimeout(t)), []);

  const setFillToasts = useCallback((on: boolean) => {
    writeFillToasts(on);
    setFillState(on);
  }, []);

  const api = useMemo<ToastApi>(() => ({
    success: (t) => push('success', t),
    error: (t) => push('error', t),
    info: (t) => push('info', t),
    fill: (t) => { if (fillRef.current) push('success', t); },
    fillToasts,
    setFillToasts,
  }), [push, fillToasts, setFillToasts]);

  const register = useCallback(() => {
    setViewports((n) => n + 1);
    return () => setViewports((n) => n - 1);
  }, []);
  const state = useMemo<ToastState>(() => ({ toasts, dismiss, register }), [toasts, dismiss, register]);

  return (
    <ToastContext.Provider value={api}>
      <ToastStateContext.Provider value={state}>
        {children}
        {viewports === 0 && toasts.length > 0 && (
          <div className="fixed bottom-4 right-4 z-50 w-[min(24rem,calc(100vw-2rem))]">
            <ToastList toasts={toasts} dismiss={dismiss} />
          </div>
        )}
      </ToastStateContext.Provider>
    </ToastContext.Provider>
  );
}

/** Where the Layout shows toasts: in the flow of the page, pushing content down instead of covering it. */
export function ToastViewport() {
  const state = useContext(ToastStateContext);
  const register = state?.register;
  useEffect(() => register?.(), [register]);
  if (!state || state.toasts.length === 0) return null;
  return <div className="mb-4"><ToastList toasts={state.toasts} dismiss={state.dismiss} /></div>;
}

function ToastList({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div className="flex flex-col gap-2" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} role={t.kind === 'error' ? 'alert' : 'status'} data-toast={t.kind}
             className={`flex items-start gap-2 rounded-md border-l-4 px-3 py-2 text-sm shadow-sm ${STYLE[t.kind]}`}>
          <span className="min-w-0 flex-1 break-words">{t.text}</span>
          <button className="opacity-60 hover:opacity-100" onClick={() => dismiss(t.id)} aria-label="Dismiss">×</button>
        </div>
      ))}
    </div>
  );
}

/** The switch for fill pop-ups (fills always stay in the activity feed). */
export function FillToastSwitch() {
  const { fillToasts, setFillToasts } = useToast();
  return (
    <label className="flex items-center gap-1.5 text-sm" title="Fills always stay in the activity feed">
      <input type="checkbox" className="h-4 w-4 accent-indigo-600" checked={fillToasts}
        onChange={(e) => setFillToasts(e.target.checked)} />
      Fill pop-ups
    </label>
  );
}

export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToast outside ToastProvider');
  return ctx;
}
