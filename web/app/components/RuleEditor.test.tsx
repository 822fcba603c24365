import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RuleEditor } from './RuleEditor';

// Real rule trees: docs/strategies.md's example and RulesStrategyTest's (valid and invalid ones).
const DOCS_ENTRY = {
  all: [
    { left: { indicator: 'ema', period: 9 }, op: 'crossesAbove', right: { indicator: 'ema', period: 21 } },
    {
      any: [
        { left: { indicator: 'adx' }, op: '>', right: 25 },
        { left: { indicator: 'volume' }, op: '>', right: { indicator: 'sma', period: 20, source: 'volume' } },
      ],
    },
  ],
};
const DOCS_EXIT = { left: { indicator: 'rsi', period: 14 }, op: '>', right: 70 };
const EVERY_INDICATOR = {
  any: [
    { left: { indicator: 'ema', period: 5, source: 'volume' }, op: '>', right: 0 },
    { left: { indicator: 'macd', output: 'histogram' }, op: '>', right: 0 },
    { left: { indicator: 'bollinger', period: 10, deviations: 1.5, output: 'percentB' }, op: '<', right: 0.2 },
    { left: { indicator: 'adx', period: 7 }, op: '>', right: 25 },
    { left: { indicator: 'plusDi' }, op: 'crossesAbove', right: { indicator: 'minusDi' } },
    { left: { indicator: 'stochastic', output: 'd' }, op: '<', right: 20 },
    { left: { indicator: 'fastStochastic', kPeriod: 5 }, op: '<=', right: 20 },
    { left: { indicator: 'atr', period: 3 }, op: '<', right: { indicator: 'price' } },
  ],
};
const NESTED = {
  all: [
    { left: { indicator: 'price' }, op: '>', right: 100 },
    { any: [{ left: { indicator: 'rsi', period: 2 }, op: '<', right: 10 }, { left: { indicator: 'volume' }, op: '>=', right: 1000 }] },
  ],
};
const INVALID = {
  any: [
    { left: { indicator: 'vwap' }, op: '>', right: 1 },
    { left: { indicator: 'macd', fast: 26, slow: 12 }, op: 'crossesAbove', right: 0 },
    { left: 1, op: '=>', right: 2 },
    { all: [{ left: { indicator: 'bollinger', output: 'width' }, op: '<', right: 0.5 }] },
    'rsi < 30',
    { all: [], any: [] },
  ],
};
// keys in another order (a server Map's) and keys the grammar does not allow: kept as they are
const ODD_KEYS = { op: '<', right: 30, left: { period: 14, indicator: 'rsi', length: 14 }, note: 'x' };

let value = '';

function Harness({ initial, errors = {}, param = 'entry', title = 'Entry' }:
  { initial: string; errors?: Record<string, string>; param?: string; title?: string }) {
  const [text, setText] = useState(initial);
  value = text;
  return <RuleEditor param={param} title={title} text={text} errors={errors} onChange={(t) => { value = t; setText(t); }} />;
}

const pretty = (doc: unknown) => JSON.stringify(doc, null, 2);
const control = (name: string) => screen.getByLabelText(name) as HTMLInputElement & HTMLSelectElement;

/** Comparisons and unreadable nodes: each shows as "<Rule> condition n". */
function leaves(node: unknown): number {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const keys = Object.keys(node);
    const list = (node as Record<string, unknown>)[keys[0]];
    if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any') && Array.isArray(list)) {
      return list.reduce((n: number, child) => n + leaves(child), 0);
    }
  }
  return 1;
}

describe('rule editor: JSON -> builder -> JSON', () => {
  it.each([
    ['the docs example entry', DOCS_ENTRY],
    ['the docs example exit', DOCS_EXIT],
    ['every indicator', EVERY_INDICATOR],
    ['nested all / any', NESTED],
    ['an invalid tree', INVALID],
    ['keys in another order and unknown keys', ODD_KEYS],
  ])('%s comes back the same after an edit in the builder and its undo', async (_, doc) => {
    const user = userEvent.setup();
    render(<Harness initial="" />);
    await user.click(screen.getByRole('button', { name: 'Edit entry rule as JSON' }));
    await user.click(control('Entry rule JSON'));
    await user.paste(JSON.stringify(doc));
    await user.click(screen.getByRole('button', { name: 'Edit entry rule with the builder' }));

    expect(screen.getAllByRole('group', { name: /^Entry condition [\d.]+$/ })).toHaveLength(leaves(doc));
    const op = control('Entry condition 1 comparison');
    const before = op.value;
    await user.selectOptions(op, 'crossesBelow');
    expect(JSON.parse(value)).not.toEqual(doc);
    await user.selectOptions(control('Entry condition 1 comparison'), before);
    if (screen.queryByRole('button', { name: 'Move Entry condition 1 down' })) {
      await user.click(screen.getByRole('button', { name: 'Move Entry condition 1 down' }));
      expect(JSON.parse(value)).not.toEqual(doc);
      await user.click(screen.getByRole('button', { name: 'Move Entry condition 2 up' }));
    }

    await user.click(screen.getByRole('button', { name: 'Edit entry rule as JSON' }));
    expect(control('Entry rule JSON').value).toBe(pretty(doc));   // same keys, same order, same values
    expect(value).toBe(pretty(doc));
  });

  it('shows the tree as it is in the JSON', async () => {
    render(<Harness initial={pretty(DOCS_ENTRY)} />);
    expect(control('Entry rule match').value).toBe('all');
    expect(control('Entry condition 1 left side').value).toBe('ema');
    expect(control('Entry condition 1 left period').value).toBe('9');
    expect(control('Entry condition 1 left source').value).toBe('');   // not in the JSON: the default
    expect(control('Entry condition 1 right period').value).toBe('21');
    expect(control('Entry group 2 match').value).toBe('any');
    expect(control('Entry condition 2.1 left side').value).toBe('adx');
    expect(control('Entry condition 2.1 left period').value).toBe('');
    expect(control('Entry condition 2.1 comparison').value).toBe('>');
    expect(control('Entry condition 2.1 right side').value).toBe('number');
    expect(control('Entry condition 2.1 right value').value).toBe('25');
    expect(control('Entry condition 2.2 right source').value).toBe('volume');
  });
});

describe('rule editor: building', () => {
  it('builds a two-condition entry through the controls', async () => {
    const user = userEvent.setup();
    render(<Harness initial="" />);
    await user.click(screen.getByRole('button', { name: 'Add entry rule' }));
    await user.selectOptions(control('Entry condition 1 left side'), 'ema');
    await user.clear(control('Entry condition 1 left period'));
    await user.type(control('Entry condition 1 left period'), '9');
    await user.selectOptions(control('Entry condition 1 comparison'), 'crossesAbove');
    await user.selectOptions(control('Entry condition 1 right side'), 'ema');
    await user.clear(control('Entry condition 1 right period'));
    await user.type(control('Entry condition 1 right period'), '21');
    await user.click(screen.getByRole('button', { name: 'Add condition to Entry rule' }));
    await user.selectOptions(control('Entry condition 2 left side'), 'bollinger');
    await user.selectOptions(control('Entry condition 2 left output'), 'percentB');
    await user.clear(control('Entry condition 2 left deviations'));
    await user.type(control('Entry condition 2 left deviations'), '2.5');
    await user.selectOptions(control('Entry condition 2 comparison'), '<=');
    await user.clear(control('Entry condition 2 right value'));
    await user.type(control('Entry condition 2 right value'), '0.05');
    await user.selectOptions(control('Entry rule match'), 'any');

    const expected = {
      any: [
        { left: { indicator: 'ema', period: 9, source: 'close' }, op: 'crossesAbove', right: { indicator: 'ema', period: 21, source: 'close' } },
        { left: { indicator: 'bollinger', period: 20, deviations: 2.5, output: 'percentB' }, op: '<=', right: 0.05 },
      ],
    };
    expect(value).toBe(pretty(expected));
    await user.click(screen.getByRole('button', { name: 'Edit entry rule as JSON' }));
    expect(JSON.parse(control('Entry rule JSON').value)).toEqual(expected);
  });

  it('adds, reorders and removes conditions and groups', async () => {
    const user = userEvent.setup();
    render(<Harness initial={pretty(DOCS_EXIT)} param="exit" title="Exit" />);
    expect(screen.getByRole('button', { name: 'Remove exit rule' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Add group to Exit rule' }));
    expect(JSON.parse(value)).toEqual({ all: [DOCS_EXIT, { all: [{ left: { indicator: 'rsi', period: 14 }, op: '<', right: 30 }] }] });
    expect(screen.getByRole('button', { name: 'Remove Exit condition 2.1' })).toBeDisabled();   // a group needs one
    await user.click(screen.getByRole('button', { name: 'Add condition to Exit group 2' }));
    await user.clear(control('Exit condition 2.2 right value'));
    await user.type(control('Exit condition 2.2 right value'), '-5');
    await user.click(screen.getByRole('button', { name: 'Move Exit group 2 up' }));
    await user.click(screen.getByRole('button', { name: 'Remove Exit condition 1.1' }));
    expect(JSON.parse(value)).toEqual({ all: [{ all: [{ left: { indicator: 'rsi', period: 14 }, op: '<', right: -5 }] }, DOCS_EXIT] });
    await user.click(screen.getByRole('button', { name: 'Remove exit rule' }));
    expect(value).toBe('');
    expect(screen.getByRole('button', { name: 'Add exit rule' })).toBeInTheDocument();
  });

  it('sends a typed number once it is one, and an emptied parameter as the default', async () => {
    const user = userEvent.setup();
    render(<Harness initial={pretty(DOCS_EXIT)} param="exit" title="Exit" />);
    const period = control('Exit condition 1 left period');
    await user.clear(period);
    await user.type(period, '7x');
    expect(period).toHaveAccessibleDescription('must be a number');
    expect(JSON.parse(value).left).toEqual({ indicator: 'rsi', period: 7 });
    await user.clear(period);
    await user.tab();
    expect(JSON.parse(value).left).toEqual({ indicator: 'rsi' });
    expect(period).toHaveAttribute('placeholder', '14 (default)');
  });

  it('reflects an edit in the JSON view in the builder', async () => {
    const user = userEvent.setup();
    render(<Harness initial={pretty(DOCS_EXIT)} param="exit" title="Exit" />);
    await user.click(screen.getByRole('button', { name: 'Edit exit rule as JSON' }));
    await user.clear(control('Exit rule JSON'));
    await user.paste(JSON.stringify({ left: { indicator: 'price' }, op: 'crossesBelow', right: { indicator: 'sma', period: 3 } }));
    await user.click(screen.getByRole('button', { name: 'Edit exit rule with the builder' }));
    expect(control('Exit condition 1 left side').value).toBe('price');
    expect(control('Exit condition 1 comparison').value).toBe('crossesBelow');
    expect(control('Exit condition 1 right period').value).toBe('3');
  });
});

describe('rule editor: errors', () => {
  it('shows a server error beside the condition and field its path names', () => {
    render(<Harness initial={pretty(DOCS_ENTRY)} errors={{
      'entry.all[1].any[1].right.period': 'must be a whole number from 1 to 1000',
      'entry.all[0].op': 'must be one of >, <, >=, <=, crossesAbove, crossesBelow',
      'entry.all[1].any[0].left.length': 'is not allowed here (allowed: indicator, period)',
    }} />);
    const period = control('Entry condition 2.2 right period');
    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(period).toHaveAccessibleDescription('must be a whole number from 1 to 1000');
    expect(control('Entry condition 1 comparison')).toHaveAccessibleDescription('must be one of >, <, >=, <=, crossesAbove, crossesBelow');
    expect(control('Entry condition 2.1 left side')).toHaveAccessibleDescription('length: is not allowed here (allowed: indicator, period)');
    for (const other of ['Entry condition 1 left period', 'Entry condition 1 right period', 'Entry condition 2.2 left side']) {
      expect(control(other)).toHaveAttribute('aria-invalid', 'false');
    }
    const group = screen.getByRole('group', { name: 'Entry condition 2.2' });
    expect(within(group).getByText('must be a whole number from 1 to 1000')).toBeInTheDocument();
  });

  it('shows an error about a node on that node', () => {
    render(<Harness initial={pretty(INVALID)} errors={{ 'entry.any[4]': 'must be an object', entry: 'is not valid' }} />);
    expect(screen.getByRole('group', { name: 'Entry condition 5' })).toHaveAccessibleDescription('must be an object');
    expect(screen.getByRole('group', { name: 'Entry rule' })).toHaveAccessibleDescription('is not valid');
    expect(control('Entry condition 1 left side').value).toBe('vwap');
  });

  it('keeps the builder on invalid JSON and can go back to the last valid rule', async () => {
    const user = userEvent.setup();
    render(<Harness initial={pretty(DOCS_ENTRY)} />);
    await user.click(screen.getByRole('button', { name: 'Edit entry rule as JSON' }));
    await user.clear(control('Entry rule JSON'));
    await user.paste('{"all": [{"left": ');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Invalid JSON/);
    expect(control('Entry rule JSON')).toHaveAttribute('aria-invalid', 'true');
    expect(value).toBe('{"all": [{"left": ');   // the form keeps the text, so it refuses to send it

    await user.click(screen.getByRole('button', { name: 'Edit entry rule with the builder' }));
    expect(control('Entry condition 1 left side').value).toBe('ema');   // the last valid rule, read-only
    expect(control('Entry condition 1 left side')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Add condition to Entry rule' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Discard invalid entry JSON' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(value).toBe(pretty(DOCS_ENTRY));
    expect(control('Entry condition 1 left side')).toBeEnabled();
  });

  it('takes the fixed JSON after a parse error', async () => {
    const user = userEvent.setup();
    render(<Harness initial={pretty(DOCS_EXIT)} param="exit" title="Exit" />);
    await user.click(screen.getByRole('button', { name: 'Edit exit rule as JSON' }));
    await user.clear(control('Exit rule JSON'));
    await user.paste('{"left": 1, "op": ">", "right": 2');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.paste('}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit exit rule with the builder' }));
    expect(control('Exit condition 1 left value').value).toBe('1');
    expect(control('Exit condition 1 right value').value).toBe('2');
  });
});
