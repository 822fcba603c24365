// Several lines on one lightweight-charts time scale (runs' equity curves overlaid), each named in a legend.
import { createChart, LineSeries, type IChartApi, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartPalette, followTheme } from './chartTheme';
import type { Point } from '../lib/series';

export const LINE_COLORS = ['#6366f1', '#10b981', '#f59e0b', '#ef4444', '#0ea5e9', '#a855f7'];

export function MultiLineChart({ lines, height = 300, label }: { lines: { name: string; points: Point[] }[]; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);

  useEffect(() => {
    const c = createChart(box.current!, { ...chartPalette(), height, autoSize: true, timeScale: { timeVisible: true }, rightPriceScale: { borderVisible: false } });
    chart.current = c;
    const stopFollowingTheme = followTheme(c);
    return () => {
      stopFollowingTheme();
      c.remove();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const series = lines.map((l, i) => {
      const s = c.addSeries(LineSeries, { color: LINE_COLORS[i % LINE_COLORS.length], lineWidth: 2, title: l.name });
      s.setData(l.points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
      return s;
    });
    c.timeScale().fitContent();
    return () => series.forEach((s) => c.removeSeries(s));
  }, [lines]);

  return (
    <div>
      <div role="img" aria-label={label} ref={box} style={{ height }} className="w-full" />
      <ul className="mt-2 flex flex-wrap gap-3 text-xs" aria-label={`${label} legend`}>
        {lines.map((l, i) => (
          <li key={l.name} className="flex items-center gap-1">
            <span className="inline-block h-2 w-4 rounded" style={{ background: LINE_COLORS[i % LINE_COLORS.length] }} />{l.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
