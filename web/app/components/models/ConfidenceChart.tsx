// Recent model confidences (line) against the threshold (dashed), a marker where a decision placed an order.
import {
  createChart, createSeriesMarkers, LineSeries, LineStyle, type IChartApi, type ISeriesApi, type ISeriesMarkersPluginApi,
  type Time, type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { ConfidenceSeries } from '../../lib/models';
import { chartPalette, followTheme } from '../chartTheme';

// confidences are probabilities: the scale always shows 0..1 so a threshold's height means the same on every bot
const ZERO_TO_ONE = () => ({ priceRange: { minValue: 0, maxValue: 1 } });

export function ConfidenceChart({ series, height = 240, label }: { series: ConfidenceSeries; height?: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const lines = useRef<{ confidence: ISeriesApi<'Line'>; threshold: ISeriesApi<'Line'>; markers: ISeriesMarkersPluginApi<Time> } | null>(null);

  useEffect(() => {
    const c = createChart(box.current!, {
      ...chartPalette(), height, autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: true },
      rightPriceScale: { borderVisible: false },
    });
    const confidence = c.addSeries(LineSeries, { color: '#6366f1', lineWidth: 2, title: 'confidence', autoscaleInfoProvider: ZERO_TO_ONE });
    const threshold = c.addSeries(LineSeries, { color: '#f59e0b', lineWidth: 1, lineStyle: LineStyle.Dashed, title: 'threshold',
      autoscaleInfoProvider: ZERO_TO_ONE, crosshairMarkerVisible: false });
    chart.current = c;
    lines.current = { confidence, threshold, markers: createSeriesMarkers(confidence, []) };
    const stopFollowingTheme = followTheme(c);
    return () => {
      stopFollowingTheme();
      c.remove();
      chart.current = null;
      lines.current = null;
    };
  }, [height]);

  useEffect(() => {
    const l = lines.current;
    if (!l) return;
    l.confidence.setData(series.confidence.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    l.threshold.setData(series.threshold.map((p) => ({ time: p.time as UTCTimestamp, value: p.value })));
    l.markers.setMarkers(series.acted.map((a) => ({ time: a.time as UTCTimestamp, position: 'aboveBar', shape: 'circle', color: '#10b981', text: a.text })));
    chart.current?.timeScale().fitContent();
  }, [series]);

  return <div ref={box} role="img" aria-label={label} style={{ height }} className="w-full" />;
}
