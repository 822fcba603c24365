// A lightweight-charts candlestick series with fill markers; follows the light/dark theme, fits narrow screens.
import {
  CandlestickSeries, createChart, createSeriesMarkers, type IChartApi, type ISeriesApi, type ISeriesMarkersPluginApi,
  type SeriesMarker, type Time, type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartPalette, followTheme } from './chartTheme';
import type { Bar } from '../lib/candles';
import type { FillMark } from '../lib/series';


/** `fit`: always show every bar (a finished run); otherwise the last ~80 bars and the user's own zoom. */
export function CandleChart({ bars, marks = [], height = 300, label, fit = false, precision = 2 }:
  { bars: Bar[]; marks?: FillMark[]; height?: number; label: string; fit?: boolean; precision?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const markers = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  const placed = useRef(false);

  useEffect(() => {
    const el = box.current!;
    const c = createChart(el, {
      ...chartPalette(), height, autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: false, rightOffset: 3 },
      rightPriceScale: { borderVisible: false },
      handleScale: { axisPressedMouseMove: { time: true, price: false } },
    });
    const s = c.addSeries(CandlestickSeries, {
      upColor: '#10b981', downColor: '#ef4444', borderVisible: false, wickUpColor: '#10b981', wickDownColor: '#ef4444',
      priceFormat: { type: 'price', precision, minMove: 10 ** -precision },
    });
    chart.current = c;
    series.current = s;
    markers.current = createSeriesMarkers(s, []);
    placed.current = false;
    const stopFollowingTheme = followTheme(c);
    return () => {
      stopFollowingTheme();
      c.remove();
      chart.current = null;
      series.current = null;
    };
  }, [height, precision]);

  useEffect(() => {
    series.current?.setData(bars.map((b) => ({ time: b.time as UTCTimestamp, open: b.open, high: b.high, low: b.low, close: b.close })));
    if (bars.length === 0) return;
    const scale = chart.current?.timeScale();
    if (fit) scale?.fitContent();
    else if (!placed.current) {
      // the latest bars, readable even 360 px wide; later the user's zoom and scroll are left alone
      const width = box.current?.clientWidth ?? 800;
      const shown = Math.max(20, Math.min(bars.length, Math.floor(width / 8)));
      scale?.setVisibleLogicalRange({ from: bars.length - shown, to: bars.length + 2 });
      placed.current = true;
    }
  }, [bars, fit]);

  useEffect(() => {
    const m: SeriesMarker<Time>[] = marks.map((f) => ({
      time: f.time as UTCTimestamp,
      position: f.side === 'BUY' ? 'belowBar' : 'aboveBar',
      shape: f.side === 'BUY' ? 'arrowUp' : 'arrowDown',
      color: f.side === 'BUY' ? '#10b981' : '#ef4444',
      text: f.text,
    }));
    markers.current?.setMarkers(m);
  }, [marks, bars]);

  return <div ref={box} role="img" aria-label={label} style={{ height }} className="w-full min-w-0" data-bars={bars.length} data-marks={marks.length} />;
}
