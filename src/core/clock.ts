/** Time is passed in, never read globally, so that tests can fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that returns a fixed, advanceable time: for tests and reproducible seeds. */
export const fixedClock = (iso: string): Clock & { advance(ms: number): void; set(iso: string): void } => {
  let current = new Date(iso).getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
    set: (next: string) => {
      current = new Date(next).getTime();
    },
  };
};

/** `YYYY-MM-DD` of a date in UTC: the form every calendar date takes in Helder. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
