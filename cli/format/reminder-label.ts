/** What a reminder says, in the schedule and after an extension. */
export function reminderLabel(workingDaysBefore: number): string {
  return workingDaysBefore === 0 ? 'Nhắc hạn: hôm nay là hạn cuối' : `Nhắc hạn: còn ${workingDaysBefore} ngày làm việc`;
}
