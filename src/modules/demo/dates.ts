import { isoDate } from '../../core';

/**
 * Dates of the demo, relative to the clock: the seed must tell a plausible story whatever year it
 * runs in. Measurements fall on quarter or year ends that already passed (a measurement cannot lie
 * in the future), and the newest one is the last completed quarter, so a quarterly goal is current
 * for legitimacy rule 8 (a quarter plus a month of slack, INTERVAL_DAYS in the goals module).
 */
export interface DemoCalendar {
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** `day` (1–28, so no month overflows) of the month `offset` months from now; negative is past. */
  month(offset: number, day?: number): string;
  /** The end of the quarter `back` quarters before the last completed one (0 = last completed). */
  quarterEnd(back: number): string;
  /** Quarter ends from `back` quarters ago up to the last completed one, oldest first. */
  quarterEnds(back: number): string[];
  /** 31 December of the year `back` years before the last completed year (0 = last year). */
  yearEnd(back: number): string;
  /** Four-digit year of a `YYYY-MM-DD` date, for reference numbers like RB-2025-041. */
  yearOf(date: string): string;
}

const utc = (year: number, monthIndex: number, day: number): Date => new Date(Date.UTC(year, monthIndex, day));

export const demoCalendar = (now: Date): DemoCalendar => {
  const today = isoDate(now);
  const year = now.getUTCFullYear();
  const monthIndex = now.getUTCMonth();
  // Day 0 of the current quarter's first month is the last day of the previous quarter: the last
  // quarter end strictly before today, whatever today is.
  const lastQuarterMonth = monthIndex - (monthIndex % 3);
  const quarterEnd = (back: number) => isoDate(utc(year, lastQuarterMonth - 3 * back, 0));
  return {
    today,
    month: (offset, day = 1) => isoDate(utc(year, monthIndex + offset, Math.min(Math.max(day, 1), 28))),
    quarterEnd,
    quarterEnds: (back) => Array.from({ length: back + 1 }, (_, i) => quarterEnd(back - i)),
    yearEnd: (back) => isoDate(utc(year - 1 - back, 11, 31)),
    yearOf: (date) => date.slice(0, 4),
  };
};
