// The Gantt's time axis: ticks at a round step (1, 2, 5, 10, 15, 30 s, then
// minutes) so that about `target` of them cover the chart.

export interface Tick {
  /** Milliseconds from the chart's start. */
  at: number;
  /** "0 s", "30 s", "1 min 30 s". */
  label: string;
}

const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

function label(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

export function axisTicks(durationMs: number, target = 6): Tick[] {
  const wanted = durationMs / 1000 / target;
  const step = (STEPS_S.find((s) => s >= wanted) ?? STEPS_S.at(-1)!) * 1000;
  const ticks: Tick[] = [];
  for (let at = 0; at <= durationMs; at += step) ticks.push({ at, label: label(at) });
  return ticks;
}
