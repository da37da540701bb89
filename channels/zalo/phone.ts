/**
 * A phone number in the form ZNS wants: `84` plus the national number without its leading 0
 * (`0912 345 678` → `84912345678`). Returns undefined when it cannot be a Vietnamese mobile number.
 */
export function normalizeZaloPhone(phone: string): string | undefined {
  const digits = phone.replace(/[\s.()-]/g, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return undefined;
  // A bare 9-digit national number may itself start with 84 (the 084 prefix), so length decides first.
  const international = digits.startsWith('0') ? `84${digits.slice(1)}` : digits.length === 9 ? `84${digits}` : digits;
  return /^84\d{9,10}$/.test(international) ? international : undefined;
}
