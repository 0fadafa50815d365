// Shared by every benchmark area: figures with their quality-bar target and PASS/FAIL, printed as
// one table and written to bench/results.json. A figure without a target is information (INFO).
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Target {
  /** The figure passes when value `op` limit. */
  op: '<=' | '>=';
  limit: number;
  /** Where the target comes from, e.g. "quality bar: popup search". */
  source: string;
}

export interface Figure {
  area: string;
  name: string;
  value: number | null;
  unit: string;
  target?: Target;
  status: 'PASS' | 'FAIL' | 'INFO' | 'ERROR';
  /** How it was measured, caveats (sampled, extrapolated, capped…). */
  note?: string;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly errors: { area: string; message: string }[] = [];
  private readonly started = Date.now();

  add(area: string, name: string, value: number | null, unit: string, opts: { target?: Target; note?: string } = {}): Figure {
    const status: Figure['status'] =
      value === null ? 'ERROR' : !opts.target ? 'INFO' : (opts.target.op === '<=' ? value <= opts.target.limit : value >= opts.target.limit) ? 'PASS' : 'FAIL';
    const figure: Figure = { area, name, value: value === null ? null : round(value), unit, status, ...opts };
    this.figures.push(figure);
    console.log(`  ${status.padEnd(5)} ${area} · ${name}: ${fmt(figure)}${opts.note ? `  (${opts.note})` : ''}`);
    return figure;
  }

  /** The harness itself failed for an area (exit code 1): not a FAIL of a figure. */
  error(area: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.errors.push({ area, message });
    console.error(`  ERROR ${area}: ${message}`);
  }

  table(): string {
    const rows = this.figures.map((f) => [f.area, f.name, fmt(f), f.target ? `${f.target.op} ${f.target.limit} ${f.unit}` : '', f.status]);
    const head = ['area', 'figure', 'value', 'target', 'status'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  }

  write(path: string): void {
    const [load1, load5] = loadavg();
    const result = {
      generatedAt: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - this.started) / 1000),
      // Shared 2-core machines: a busy neighbour shows up here and in the latency tails.
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: round(totalmem() / 2 ** 30), node: process.version, loadAverage: [round(load1), round(load5)] },
      figures: this.figures,
      errors: this.errors,
    };
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  }
}

function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}

function fmt(f: Figure): string {
  return f.value === null ? 'n/a' : `${f.value} ${f.unit}`;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}
