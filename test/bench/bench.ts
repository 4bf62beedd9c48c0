/** A benchmark module: `test/bench/<name>.bench.ts` default-exports one of these. */
export interface BenchFigure {
  id: string;
  value: number;
  unit: string;
}

export interface Bench {
  /** Every figure id this module prints; `npm run bench -- <id>` runs the module that owns it. */
  ids: string[];
  run(): Promise<BenchFigure[]>;
}

export function formatFigure(f: BenchFigure): string {
  const v = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 3 : 1);
  return `bench: ${f.id} ${v} ${f.unit}`;
}
