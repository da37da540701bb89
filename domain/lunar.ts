/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with the astronomical method Hồ Ngọc Đức published, based on
 * Meeus: new moons from a truncated Meeus series, solar longitude in 30° sectors, both evaluated in local time
 * (UTC+7 for Vietnam since 1968; UTC+8 gives the Chinese calendar). A month starts on the civil day of its new moon,
 * month 11 contains the winter solstice, and in a 13-month year the leap month is the first month after month 11
 * that contains no major solar term (trung khí). Written from the algorithm's description; no code was copied.
 */
import { type DayNumber, dayNumberFromParts, yearOfDayNumber } from './local-date';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export interface LunarMonth {
  /** The lunar year the month belongs to (a month 11 or 12 may start in the next solar year's window). */
  year: number;
  month: number;
  leap: boolean;
  /** Day number of its first day (mùng 1). */
  start: DayNumber;
  /** 29 or 30. */
  length: number;
}

export const VIETNAM_TIME_ZONE = 7;

const RAD = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** Julian day number of 1970-01-01, the day number epoch. */
const JDN_EPOCH = 2440588;
/** Julian date of the new moon of k = 0 (January 1900) in the series. */
const NEW_MOON_EPOCH = 2415020.75933;

/**
 * Periodic corrections to the mean new moon, in days: coefficient and multiples of the sun's mean anomaly (M),
 * the moon's mean anomaly (M') and the moon's argument of latitude (F). The first term's coefficient drifts with T.
 */
const NEW_MOON_TERMS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.0021, 2, 0, 0],
  [-0.4068, 0, 1, 0],
  [0.0161, 0, 2, 0],
  [-0.0004, 0, 3, 0],
  [0.0104, 0, 0, 2],
  [-0.0051, 1, 1, 0],
  [-0.0074, 1, -1, 0],
  [0.0004, 1, 0, 2],
  [-0.0004, -1, 0, 2],
  [-0.0006, 0, 1, 2],
  [0.001, 0, -1, 2],
  [0.0005, 1, 2, 0],
];

/** Julian date (UT) of the k-th new moon after January 1900. */
function newMoonJulianDate(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    NEW_MOON_EPOCH +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const mMoon = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  let correction = (0.1734 - 0.000393 * t) * Math.sin(m);
  for (const [coefficient, a, b, c] of NEW_MOON_TERMS) correction += coefficient * Math.sin(a * m + b * mMoon + c * f);
  // Ephemeris time minus universal time, in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** The local civil day (as a day number) holding the k-th new moon. */
function newMoonDay(k: number, tz: number): DayNumber {
  return Math.floor(newMoonJulianDate(k) + 0.5 + tz / 24) - JDN_EPOCH;
}

/** The sun's apparent longitude sector (0..11, 30° each, 0 = spring equinox) at the local start of `day`. */
function sunSector(day: DayNumber, tz: number): number {
  const julianDate = day + JDN_EPOCH - 0.5 - tz / 24;
  const t = (julianDate - 2451545.0) / 36525;
  const t2 = t * t;
  const m = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(m) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * m) +
    0.00029 * Math.sin(3 * m);
  const longitude = (((meanLongitude + center) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

/** Series index of the new moon that starts lunar month 11 (the month holding the December solstice) of `year`. */
function month11Index(year: number, tz: number): number {
  const k = Math.floor((dayNumberFromParts(year, 12, 31) + JDN_EPOCH - 2415021) / SYNODIC_MONTH);
  // Sector 9 starts at the winter solstice (270°): a month starting past it is month 12.
  return sunSector(newMoonDay(k, tz), tz) >= 9 ? k - 1 : k;
}

/**
 * The months from month 11 of lunar year `year - 1` up to (not including) month 11 of lunar year `year`:
 * 12 or 13 months, starting in solar year `year - 1` and ending before the solstice of solar year `year`.
 */
function computeWindow(year: number, tz: number): LunarMonth[] {
  const first = month11Index(year - 1, tz);
  const count = month11Index(year, tz) - first;
  const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first + i, tz));
  let leapOffset = -1;
  if (count === 13) {
    // The first month after month 11 whose start and end lie in the same sector contains no major term.
    leapOffset = 12;
    for (let i = 1; i < 13; i++) {
      if (sunSector(starts[i] as number, tz) === sunSector(starts[i + 1] as number, tz)) {
        leapOffset = i;
        break;
      }
    }
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const leap = i === leapOffset;
    const index = leapOffset >= 0 && i >= leapOffset ? i - 1 : i;
    const month = ((index + 10) % 12) + 1;
    const start = starts[i] as number;
    months.push({
      year: month >= 11 && index < 2 ? year - 1 : year,
      month,
      leap,
      start,
      length: (starts[i + 1] as number) - start,
    });
  }
  return months;
}

const windows = new Map<string, readonly LunarMonth[]>();

function lunarWindow(year: number, tz: number): readonly LunarMonth[] {
  const key = `${tz}:${year}`;
  let window = windows.get(key);
  if (!window) {
    window = computeWindow(year, tz);
    windows.set(key, window);
  }
  return window;
}

function findMonth(day: DayNumber, tz: number): LunarMonth {
  const solarYear = yearOfDayNumber(day);
  for (const year of [solarYear, solarYear + 1]) {
    const window = lunarWindow(year, tz);
    for (let i = window.length - 1; i >= 0; i--) {
      const month = window[i] as LunarMonth;
      if (month.start <= day && day < month.start + month.length) return month;
    }
  }
  throw new RangeError(`No lunar month holds day ${day}`);
}

/** The lunar date of a solar day. */
export function solarToLunar(day: DayNumber, tz: number = VIETNAM_TIME_ZONE): LunarDate {
  const month = findMonth(day, tz);
  return { year: month.year, month: month.month, day: day - month.start + 1, leap: month.leap };
}

/** The months of lunar year `year` in order: 12, or 13 with the leap month after its namesake. */
export function lunarYearMonths(year: number, tz: number = VIETNAM_TIME_ZONE): LunarMonth[] {
  return [...lunarWindow(year, tz), ...lunarWindow(year + 1, tz)].filter((month) => month.year === year);
}

/** The month, or undefined when lunar year `year` has no such month (e.g. a leap month it lacks). */
export function lunarMonth(
  year: number,
  month: number,
  leap: boolean,
  tz: number = VIETNAM_TIME_ZONE,
): LunarMonth | undefined {
  const window = lunarWindow(month >= 11 ? year + 1 : year, tz);
  return window.find((m) => m.year === year && m.month === month && m.leap === leap);
}

/** 29 or 30, or undefined when the month does not exist. */
export function lunarMonthLength(
  year: number,
  month: number,
  leap = false,
  tz: number = VIETNAM_TIME_ZONE,
): number | undefined {
  return lunarMonth(year, month, leap, tz)?.length;
}

/** The solar day of a lunar date, or undefined when the date does not exist (30 of a short month, a missing leap). */
export function lunarToSolar(date: LunarDate, tz: number = VIETNAM_TIME_ZONE): DayNumber | undefined {
  if (!Number.isInteger(date.day) || date.day < 1) return undefined;
  const month = lunarMonth(date.year, date.month, date.leap, tz);
  return month && date.day <= month.length ? month.start + date.day - 1 : undefined;
}

/** Mùng 1 Tết: 1/1 of the lunar year that starts in solar year `year`. */
export function lunarNewYear(year: number, tz: number = VIETNAM_TIME_ZONE): DayNumber {
  const month = lunarMonth(year, 1, false, tz);
  if (!month) throw new RangeError(`Lunar year ${year} has no first month`);
  return month.start;
}

/** The leap month's number (1..12) of lunar year `year`, or undefined in a 12-month year. */
export function leapMonthOf(year: number, tz: number = VIETNAM_TIME_ZONE): number | undefined {
  return lunarYearMonths(year, tz).find((month) => month.leap)?.month;
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** The can chi name of a lunar year, e.g. 2022 → `Nhâm Dần`, 2026 → `Bính Ngọ`. */
export function canChiOfYear(year: number): string {
  const stem = STEMS[(((year + 6) % 10) + 10) % 10] as string;
  const branch = BRANCHES[(((year + 8) % 12) + 12) % 12] as string;
  return `${stem} ${branch}`;
}
