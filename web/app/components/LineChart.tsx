// A lightweight-charts line with optional fill markers; follows the light/dark theme.
import {
  createChart, createSeriesMarkers, LineSeries, type IChartApi, type ISeriesApi, type ISeriesMarkersPluginApi,
  type SeriesMarker, type Time, type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartPalette, followTheme } from './chartTheme';
import type { FillMark, Point } from '../lib/series';


/** `fit`: always show the whole series (a finished run), instead of leaving a long live line's zoom to the user. */
export function LineChart({ points, marks = [], height = 300, label, fit = false }:
  { points: Point[]; marks?: FillMark[]; height?: number; label: string; fit?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Line'> | null>(null);
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null);

  useEffect(() => {
    const el = box.current!;
    const c = createChart(el, {
      ...chartPalette(), height, autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: true },
      rightPriceScale: { borderVisible: false },
    });
    const s = c.addSeries(LineSeries, { color: '#6366f1', lineWidth: 2 });
    chart.current = c;
    series.current = s;
    markers.current = createSeriesMarkers(s, []);
    const stopFollowingTheme = followTheme(c);
    return () => {
      stopFollowingTheme();
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, [height]);

  useEffect(() => {
    series.current?.setData(points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    // While the line is short it fills the width; after that the user's zoom and scroll are left alone.
    if (fit || points.length < 120) chart.current?.timeScale().fitContent();
  }, [points, fit]);

  useEffect(() => {
    const m: SeriesMarker<Time>[] = marks.map((f) => ({
      time: f.time as UTCTimestamp,
      position: f.side === 'BUY' ? 'belowBar' : 'aboveBar',
      shape: f.side === 'BUY' ? 'arrowUp' : 'arrowDown',
      color: f.side === 'BUY' ? '#10b981' : '#ef4444',
      text: f.text,
    }));
    markers.current?.setMarkers(m);
  }, [marks, points]);

  return <div ref={box} role="img" aria-label={label} style={{ height }} className="w-full" />;
}
