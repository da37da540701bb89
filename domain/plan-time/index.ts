/** Plan time: the UTC+7 offset, the zone name, plan days and instants, and how Vietnamese text writes them. */
export {
  atPlanDate,
  byInstant,
  endOfPlanDay,
  parsePlanDateTime,
  PLAN_TIME_ZONE,
  PLAN_UTC_OFFSET,
  planClock,
  planDayOf,
  planInstant,
  planMinuteStamp,
  sincePlanMidnight,
  startOfPlanDay,
  toPlanIso,
} from './instants';
export {
  formatDayWithWeekday,
  formatVietnameseDate,
  vietnameseWeekday,
  vietnameseWeekdayShort,
  vnDate,
  vnDateTime,
  vnDayWithWeekday,
  vnTimeWithDay,
} from './vietnamese';
