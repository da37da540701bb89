import { atPlanDate } from '../domain/plan-time';

/** Links of a cycle stay valid until the end of the following January (late submissions are still wanted). */
export function linkExpiry(year: number): number {
  return Math.floor(atPlanDate(`${year + 1}-02-01`) / 1000);
}

export function submissionUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/s/${token}`;
}

export function inboxUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/i/${token}`;
}
