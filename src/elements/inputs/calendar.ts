/**
 * Dates and times as the date and time widgets hold them: plain strings
 * ("2026-11-22", "09:30", "09:30:15"), so the stored record stays plain JSON
 * and no time zone can shift a day. A `Date` given by the app is read in UTC.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** True for a real calendar day written "YYYY-MM-DD" (so "2026-02-30" is false). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A `Date` (its UTC day) or an ISO date string as "YYYY-MM-DD"; undefined when it is neither. */
export function toIsoDate(value: unknown): string | undefined {
  const iso = value instanceof Date && !Number.isNaN(value.getTime()) ? isoOfUtcDay(value) : value;
  return isIsoDate(iso) ? iso : undefined;
}

/** Today's date on the server, in UTC. */
export function todayUtc(): string {
  return isoOfUtcDay(new Date());
}

/** Days since 1970-01-01 of an ISO date: what a date widget's spec compares. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

/** The ISO date of a day number. */
export function fromDayNumber(days: number): string {
  return isoOfUtcDay(new Date(days * DAY_MS));
}

/** The same day `years` later (or earlier); 29 February becomes the 28th in other years. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(Math.max(1, Math.min(9999, year + years)), month - 1, day);
  if (date.getUTCDate() !== day) date.setUTCDate(0);
  return isoOfUtcDay(date);
}

/** True for "HH:MM" (or "HH:MM:SS" when `withSeconds`) on a 24-hour clock. */
export function isTime(value: unknown, withSeconds: boolean): value is string {
  if (typeof value !== "string") return false;
  const match = TIME.exec(value);
  return !!match && (match[3] !== undefined) === withSeconds;
}

/**
 * A `Date` (its UTC time of day) or a time string ("HH:MM" or "HH:MM:SS") as
 * "HH:MM", or "HH:MM:SS" when `withSeconds`; undefined when it is neither.
 */
export function toTimeOfDay(value: unknown, withSeconds: boolean): string | undefined {
  let parts: string[];
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    parts = value.toISOString().slice(11, 19).split(":");
  } else {
    const match = typeof value === "string" ? TIME.exec(value) : null;
    if (!match) return undefined;
    parts = [match[1]!, match[2]!, match[3] ?? "00"];
  }
  return (withSeconds ? parts : parts.slice(0, 2)).join(":");
}

function isoOfUtcDay(date: Date): string {
  const year = date.getUTCFullYear();
  const yyyy = String(year).padStart(4, "0");
  return `${yyyy}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}
