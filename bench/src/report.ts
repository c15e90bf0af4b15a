// The bench's output: one row per measurement, the machine it ran on, a printed table and results.json.

import { cpus, loadavg, totalmem } from 'node:os';

export interface Budget {
  /** Human form, e.g. "≥ 0.90" or "190–215"; null for a row that is only informative. */
  text: string;
  check(value: number): boolean;
}

export interface Row {
  name: string;
  /** null when the row could not be measured (see `note`): never a made-up number. */
  value: number | null;
  unit: string;
  budget: string | null;
  /** true/false against the budget; null for informative rows that were measured. A row that could not be measured is false. */
  pass: boolean | null;
  note?: string;
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryMiB: number;
  node: string;
  platform: string;
  /** 1-minute load averages at the start and end of the run: other work on a shared machine shows here. */
  loadAverage1m: { start: number; end: number };
  date: string;
}

/** The machine in one line, as the fan-out plot's caption and lesson 12 name it: "2 × <CPU>, Node v20…". */
export const machineName = (machine: MachineInfo): string => `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`;

export interface Report {
  mode: 'full' | 'quick' | 'smoke';
  machine: MachineInfo;
  durationS: number;
  /** Seconds each benchmark took, by title. */
  timings: Record<string, number>;
  rows: Row[];
}

export const atLeast = (min: number): Budget => ({ text: `≥ ${min}`, check: (value) => value >= min });
export const below = (max: number): Budget => ({ text: `< ${max}`, check: (value) => value < max });
export const atMost = (max: number): Budget => ({ text: `≤ ${max}`, check: (value) => value <= max });
export const exactly = (expected: number): Budget => ({ text: `= ${expected.toLocaleString('en-US')}`, check: (value) => value === expected });
export const between = (min: number, max: number): Budget => ({
  text: `${min}–${max}`,
  check: (value) => value >= min && value <= max,
});

/**
 * Decimal places a row is printed (and stored) with, by unit: enough that a ratio against 0.95 is
 * not hidden by rounding (0.9451 prints 0.945), few enough that the table stays readable.
 */
const decimalsByUnit: Record<string, number> = { ratio: 3, 'msg/s': 0, 'req/s': 0, B: 1, ms: 1, KiB: 1, MiB: 2, µs: 2 };

export function decimalsFor(unit: string): number {
  return decimalsByUnit[unit] ?? 2;
}

export function roundForUnit(value: number, unit: string): number {
  const scale = 10 ** decimalsFor(unit);
  return Math.round(value * scale) / scale;
}

/**
 * A measured row. The verdict is taken on the value as printed (rounded for its unit), so the table
 * never shows an in-budget number beside a FAIL. A condition beyond the number (every run in range,
 * every device acked) is a row of its own.
 */
export function measured(name: string, value: number, unit: string, budget: Budget | null, note?: string): Row {
  const printed = roundForUnit(value, unit);
  return {
    name,
    value: printed,
    unit,
    budget: budget?.text ?? null,
    pass: budget ? budget.check(printed) : null,
    ...(note ? { note } : {}),
  };
}

/** The row judged against the budget its benchmark declares (run.ts), on the value as printed. */
export function judge(row: Row, budget: Budget | null): Row {
  if (row.value === null) return { ...row, budget: budget?.text ?? null, pass: false };
  return { ...row, budget: budget?.text ?? null, pass: budget ? budget.check(row.value) : null };
}

/** A row that could not be measured: the note says exactly what is missing. */
export function unmeasured(name: string, unit: string, budget: Budget | null, note: string): Row {
  return { name, value: null, unit, budget: budget?.text ?? null, pass: false, note };
}

/**
 * Quick and smoke runs use smaller sizes than the budgets are set for: their rows are information,
 * not verdicts. A row that could not be measured stays a failure (the harness is broken, not slow).
 */
export function asInformation(row: Row): Row {
  return row.value === null ? row : { ...row, pass: null };
}

export const currentLoad = (): number => Math.round(loadavg()[0]! * 100) / 100;

export function machineInfo(): MachineInfo {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage1m: { start: currentLoad(), end: currentLoad() },
    date: new Date().toISOString(),
  };
}

export function formatValue(row: Row): string {
  if (row.value === null) return '—';
  return row.value.toLocaleString('en-US', { maximumFractionDigits: decimalsFor(row.unit) });
}

export function verdict(row: Row): string {
  if (row.pass === null) return 'info';
  return row.pass ? 'pass' : 'FAIL';
}

/** A plain-text table for the terminal; notes go below it so the columns stay narrow. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'value', 'unit', 'budget', 'result'];
  const cells = rows.map((row) => [row.name, formatValue(row), row.unit, row.budget ?? '', verdict(row)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) =>
    values.map((value, column) => (column === 1 ? value.padStart(widths[column]!) : value.padEnd(widths[column]!))).join('  ');
  const notes = rows.filter((row) => row.note).map((row) => `  ${row.name}: ${row.note}`);
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.map(line), '', 'Notes:', ...notes].join('\n');
}

/** The same table as Markdown, for the README's "Performance" section. */
export function formatMarkdown(rows: readonly Row[]): string {
  const lines = ['| benchmark | value | unit | budget | result |', '|---|---:|---|---|---|'];
  for (const row of rows) {
    lines.push(`| \`${row.name}\` | ${formatValue(row)} | ${row.unit} | ${row.budget ?? ''} | ${verdict(row)} |`);
  }
  return lines.join('\n');
}

/** Thrown by a benchmark when a feature it measures is not on this branch yet; the message says which. */
export class MissingFeature extends Error {
  override name = 'MissingFeature';
}
