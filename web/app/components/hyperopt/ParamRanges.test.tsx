import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ParameterDefinition } from '../../api/types';
import { buildOptions, defaultOptions, rangeable, rangesFor, type RangeRow } from './options';
import { ParamRanges } from './ParamRanges';

const param = (name: string, type: ParameterDefinition['type'], extra: Partial<ParameterDefinition> = {}): ParameterDefinition =>
  ({ name, type, default: null, options: null, min: null, exclusiveMin: false, max: null, step: null, unit: null,
    description: null, required: true, ...extra });
const PARAMS = [param('rsiPeriod', 'INTEGER', { min: '2', max: '200' }), param('useVolume', 'BOOLEAN'),
  param('side', 'ENUM', { options: ['long', 'both', 'short'] }), param('timeframe', 'ENUM', { options: ['1m', '5m'] }),
  param('label', 'STRING')];

function Harness({ onRanges }: { onRanges: (r: Record<string, RangeRow>) => void }) {
  const [ranges, setRanges] = useState(rangesFor(PARAMS));
  return <ParamRanges params={PARAMS} ranges={ranges} errors={{}} onChange={(r) => { setRanges(r); onRanges(r); }} />;
}

describe('searchable parameters', () => {
  it('offers booleans and enums with their values, never the timeframe or a free string', () => {
    expect(rangeable(PARAMS).map((p) => p.name)).toEqual(['rsiPeriod', 'useVolume', 'side']);
    expect(rangesFor(PARAMS).useVolume).toEqual({ on: false, lo: '', hi: '', choices: 'true,false' });
    expect(rangesFor(PARAMS).side.choices).toBe('long,both,short');
  });

  it('sends the ticked choices as the server\'s "a,b,c" and refuses an empty list', () => {
    const o = defaultOptions(PARAMS);
    o.ranges.useVolume = { ...o.ranges.useVolume, on: true };
    o.ranges.side = { ...o.ranges.side, on: true, choices: ' long , short ' };
    expect(buildOptions(o).fields.paramRanges).toEqual({ useVolume: 'true,false', side: 'long,short' });
    o.ranges.side = { ...o.ranges.side, choices: ' , ' };
    expect(buildOptions(o).errors['paramRanges.side']).toBe('needs at least one value to try, e.g. true,false');
  });

  it('renders a values field for an enum that can be ticked and narrowed', () => {
    let last: Record<string, RangeRow> = {};
    render(<Harness onRanges={(r) => { last = r; }} />);
    const values = screen.getByLabelText('side values') as HTMLInputElement;
    expect(values.value).toBe('long,both,short');
    expect(values.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('search side'));
    fireEvent.change(screen.getByLabelText('side values'), { target: { value: 'long,short' } });
    expect(last.side).toEqual({ on: true, lo: '', hi: '', choices: 'long,short' });
    expect(screen.getByLabelText('useVolume values')).toBeTruthy();
    expect(screen.queryByLabelText('timeframe values')).toBeNull();
  });
});
