// Colours of the lightweight-charts charts, following the dashboard's light/dark theme (a class on <html>).
import { ColorType, type IChartApi } from 'lightweight-charts';

export function chartPalette() {
  const dark = document.documentElement.classList.contains('dark');
  return {
    layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: dark ? '#cbd5e1' : '#334155' },
    grid: { vertLines: { color: dark ? '#1e293b' : '#e2e8f0' }, horzLines: { color: dark ? '#1e293b' : '#e2e8f0' } },
  };
}

/** Repaints the chart whenever the theme flips; call the returned function to stop. */
export function followTheme(chart: IChartApi): () => void {
  const observer = new MutationObserver(() => chart.applyOptions(chartPalette()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
