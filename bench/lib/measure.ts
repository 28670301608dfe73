/*
 * Timing, statistics, ripgrep and the results table.
 */
import { spawnSync } from 'child_process';

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface RipgrepResult {
  available: boolean;
  version?: string;
  times: number[];
  median: number;
  matches: number;
}

export function ripgrepVersion(): string | undefined {
  const result = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0].trim() : undefined;
}

/** `rg -j1 -w -F -f codes file`, counting matches; one warm-up run, then the median of `runs`. */
export function ripgrep(codesFile: string, file: string, runs: number): RipgrepResult {
  const version = ripgrepVersion();
  if (!version) {
    return { available: false, times: [], median: NaN, matches: NaN };
  }
  const args = ['-j1', '-w', '-F', '-f', codesFile, '--count-matches', file];
  const times: number[] = [];
  let matches = NaN;
  for (let run = 0; run <= runs; run++) {
    const start = now();
    const result = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    const elapsed = now() - start;
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`rg failed (${result.status}): ${result.stderr}`);
    }
    matches = result.status === 1 ? 0 : Number(result.stdout.trim());
    if (run > 0) {
      times.push(elapsed);
    }
  }
  return { available: true, version, times, median: median(times), matches };
}

export type Status = 'PASS' | 'MISS' | 'INFO' | 'n/a';

export interface Row {
  id: string;
  measure: string;
  value: number;
  unit: string;
  /** What the value is compared with, in words and numbers. */
  reference: string;
  /** The limit the value must stay under (or the ratio), when there is one. */
  target?: number;
  status: Status;
  note?: string;
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) {
    return 'n/a';
  }
  if (unit === 'ms') {
    return value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
  }
  if (unit === 'MB') {
    return `${value.toFixed(1)} MB`;
  }
  if (unit === '%') {
    return `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;
  }
  if (unit === 'MB/s') {
    return `${value.toFixed(0)} MB/s`;
  }
  return `${value} ${unit}`;
}

/** The rows as a fixed-width text table (also valid Markdown). */
export function table(rows: readonly Row[]): string {
  const header = ['Measure', 'Value', 'Reference / target', 'Result'];
  const body = rows.map((row) => [row.measure, formatValue(row.value, row.unit), row.reference, row.status]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
