// Dates as the report counts them: by calendar day. A date-time counts by the date written in it (its own
// offset, as the author saw the day), so "2026-11-02T23:30:00+01:00" is 2 November.
const MS_PER_DAY = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** Days since 1970-01-01 of the date a text starts with; undefined when it starts with no calendar day. */
export function dayOf(text: string | undefined): number | undefined {
  const match = text === undefined ? null : DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const parsed = new Date(time);
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return undefined;
  return Math.round(time / MS_PER_DAY);
}

/** YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A plain calendar date, exactly YYYY-MM-DD (what `--as-of` takes). */
export function parseCalendarDate(text: string): number | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayOf(text) : undefined;
}

/** 0 Monday … 6 Sunday (ISO). */
function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The Sunday that ends the ISO week holding `day`. */
export function weekEndOf(day: number): number {
  return day + 6 - weekday(day);
}

export interface IsoWeek {
  /** YYYY-Www */
  label: string;
  /** Monday and Sunday, as day numbers. */
  start: number;
  end: number;
}

/** The ISO week holding `day` (its year is the year of its Thursday). */
export function isoWeekOf(day: number): IsoWeek {
  const start = day - weekday(day);
  const thursday = start + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstThursday = firstThursdayOf(year);
  const number = Math.round((thursday - firstThursday) / 7) + 1;
  return { label: `${year}-W${String(number).padStart(2, '0')}`, start, end: start + 6 };
}

/** `2026-W48`; undefined when the text is not that shape or the year has no such week. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const match = WEEK.exec(text);
  if (!match) return undefined;
  const [year, number] = [Number(match[1]), Number(match[2])];
  if (number < 1) return undefined;
  const start = firstThursdayOf(year) - 3 + (number - 1) * 7;
  const week = isoWeekOf(start);
  return week.label === text ? week : undefined;
}

function firstThursdayOf(year: number): number {
  const january4 = Math.round(Date.UTC(year, 0, 4) / MS_PER_DAY);
  return january4 - weekday(january4) + 3;
}

/** Every week end (Sunday) from the week of `from` up to `to`, and `to` itself when it is not a Sunday. */
export function weekEndsBetween(from: number, to: number): number[] {
  const ends: number[] = [];
  for (let end = weekEndOf(from); end <= to; end += 7) ends.push(end);
  if (from <= to && ends[ends.length - 1] !== to) ends.push(to);
  return ends;
}
