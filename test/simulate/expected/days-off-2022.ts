/**
 * The weekdays that cán bộ, công chức, viên chức did not work in 2022, copied by hand from
 * ../shared/reference/vietnam-deadlines.md §2.2 (Tết and Quốc khánh: Công văn 245/VPCP-KGVX ngày 11/01/2022;
 * the nghỉ bù days: Bộ luật Lao động 2019 Điều 111 k3). Literal data on purpose: the oracle must not share the
 * product's lunar code or its config/calendars files, or a wrong holiday there would go unnoticed here.
 * Weekend days inside a holiday period (Sat 29/01, Sun 10/04, Sat 30/04, Sun 01/05, …) are off anyway.
 */
export const DAYS_OFF_2022: readonly { date: string; name: string }[] = [
  // §2.2 marks this one UNCONFIRMED by a direct source; it follows from Điều 111 k3 (1/1/2022 was a Saturday).
  { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch' },
  { date: '2022-01-31', name: 'Tết Nhâm Dần' },
  { date: '2022-02-01', name: 'Tết Nhâm Dần' },
  { date: '2022-02-02', name: 'Tết Nhâm Dần' },
  { date: '2022-02-03', name: 'Tết Nhâm Dần' },
  { date: '2022-02-04', name: 'Tết Nhâm Dần' },
  // Giỗ Tổ Hùng Vương (10/3 âm lịch) was Sunday 10/04.
  { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
  // Ngày Chiến thắng (30/4) was a Saturday and Quốc tế lao động (1/5) a Sunday.
  { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng' },
  { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế lao động' },
  { date: '2022-09-01', name: 'Quốc khánh' },
  { date: '2022-09-02', name: 'Quốc khánh' },
];

/** Saturdays and Sundays worked in 2022 (làm bù): none, per §2.2 ("no làm-bù Saturdays for CBCCVC in 2022"). */
export const WORKING_WEEKEND_DAYS_2022: readonly string[] = [];
