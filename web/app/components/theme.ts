import { useCallback, useState } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'botfleet.theme';

/** The theme is a class on <html> (set before first paint by index.html) and remembered in localStorage. */
export function useTheme() {
  const [theme, setTheme] = useState<Theme>(() =>
    document.documentElement.classList.contains('dark') ? 'dark' : 'light');
  const toggle = useCallback(() => {
    setTheme((t) => {
      const next: Theme = t === 'dark' ? 'light' : 'dark';
      document.documentElement.classList.toggle('dark', next === 'dark');
      localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  return { theme, toggle };
}
