// The market's calendar: days, weeks and months as Manta lives them (America/Guayaquil). Ecuador keeps UTC−5 all year
// (no daylight saving since 1993), so a Guayaquil day is the UTC interval [05:00Z, 05:00Z next day): 04:59Z still
// belongs to the day before. The read model keeps its daily rows by these days; reports group them into weeks (Monday
// to Sunday, ISO) and months.

const OFFSET_MS = -5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

/** The Guayaquil calendar day of an instant, as `YYYY-MM-DD`. */
export function marketDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant (UTC) a Guayaquil day starts: `2026-12-01` → 2026-12-01T05:00:00Z. */
export function dayStart(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
}

/** The day after (or `n` days after) a day. */
export function addDays(day: string, n = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the bucket a day belongs to: itself, the Monday of its week, or the 1st of its month. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'DAY') return day;
  if (granularity === 'MONTH') return `${day.slice(0, 8)}01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

/** The first day of the bucket after the one that starts on `start`. */
export function nextBucket(start: string, granularity: Granularity): string {
  if (granularity === 'DAY') return addDays(start, 1);
  if (granularity === 'WEEK') return addDays(start, 7);
  const [year, month] = start.split('-').map(Number);
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/**
 * The days a report from `from` to `to` (exclusive) covers, whole Guayaquil days: from the day `from` falls in to the
 * day of the last instant before `to`.
 */
export function daysCovered(from: Date, to: Date): { firstDay: string; lastDay: string } {
  return { firstDay: marketDay(from), lastDay: marketDay(new Date(to.getTime() - 1)) };
}

/** The starts of every bucket from the one holding `firstDay` to the one holding `lastDay`, in order, none skipped. */
export function bucketStarts(firstDay: string, lastDay: string, granularity: Granularity): string[] {
  const starts: string[] = [];
  for (let start = bucketOf(firstDay, granularity); start <= lastDay; start = nextBucket(start, granularity)) starts.push(start);
  return starts;
}
