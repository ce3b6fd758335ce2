/** Injected wherever time decides an outcome, so tests can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const DAY_MS = 24 * 60 * 60 * 1000;
export const addMs = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
