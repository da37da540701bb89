import { issuingBodyLine, leadershipBody, officeCode, parentBodyLine } from '../../../reports/docx/document-names';
import { formatChange, formatCount, formatPercent } from '../../../reports/docx/number-format';
import { placeAndDate } from '../../../reports/docx/place-and-date';
import { reportSubject } from '../../../reports/docx/report-subject';
import { looksLikeRole } from '../../../reports/docx/signature-block';
import { textSectionOf } from '../../../reports/docx/text-sections';

describe('the wording of the report’s fixed parts', () => {
  it('writes the place and date with a leading zero for days below 10 and months 1 and 2 only, in plan time', () => {
    expect(placeAndDate('Ia Pa', '2022-05-12T09:00:00+07:00')).toBe('Ia Pa, ngày 12 tháng 5 năm 2022');
    // 18:30 UTC on 04/01 is already 05/01 in Vietnam.
    expect(placeAndDate('Ia Pa', '2022-01-04T18:30:00Z')).toBe('Ia Pa, ngày 05 tháng 01 năm 2022');
    expect(placeAndDate('Ia Pa', '2022-02-01T08:00:00+07:00')).toBe('Ia Pa, ngày 01 tháng 02 năm 2022');
    expect(placeAndDate('Ia Pa', '2022-10-31T08:00:00+07:00')).toBe('Ia Pa, ngày 31 tháng 10 năm 2022');
    expect(placeAndDate('Ia Pa', '2022-03-09T08:00:00+07:00')).toBe('Ia Pa, ngày 09 tháng 3 năm 2022');
  });

  it('abbreviates the parent body and names the issuing office in capitals', () => {
    expect(parentBodyLine('Ủy ban nhân dân huyện Ia Pa')).toBe('UBND HUYỆN IA PA');
    expect(parentBodyLine('Uỷ ban nhân dân huyện Ia Pa')).toBe('UBND HUYỆN IA PA');
    expect(issuingBodyLine('Phòng Nội vụ huyện')).toBe('PHÒNG NỘI VỤ');
    expect(issuingBodyLine('Thanh tra huyện')).toBe('THANH TRA HUYỆN');
    expect(leadershipBody('Ủy ban nhân dân huyện Ia Pa', 'Ia Pa')).toBe('UBND huyện');
  });

  it('builds the office code from its initials, keeping Đ and abbreviations', () => {
    expect(officeCode('Phòng Nội vụ huyện')).toBe('PNV');
    expect(officeCode('Phòng Giáo dục và Đào tạo huyện')).toBe('PGDĐT');
    expect(officeCode('Phòng Tài chính - Kế hoạch huyện')).toBe('PTCKH');
    expect(officeCode('Văn phòng HĐND và UBND huyện')).toBe('VPHĐNDUBND');
  });

  it('derives the subject from the obligation title, dated when it ends with "năm"', () => {
    expect(reportSubject('Báo cáo kết quả thực hiện công tác Dân vận chính quyền 6 tháng đầu năm', 2022)).toBe(
      'Kết quả thực hiện công tác Dân vận chính quyền 6 tháng đầu năm 2022',
    );
    expect(
      reportSubject('Báo cáo kết quả thực hiện công tác Dân vận chính quyền năm (kèm mô hình “Dân vận khéo”)', 2022),
    ).toBe('Kết quả thực hiện công tác Dân vận chính quyền năm 2022');
    expect(reportSubject('Tình hình tiếp công dân quý I', 2022)).toBe('Tình hình tiếp công dân quý I');
  });

  it('tells a role placeholder from a person’s name', () => {
    expect(looksLikeRole('Trưởng phòng Nội vụ', 'Trưởng phòng')).toBe(true);
    expect(looksLikeRole('Chủ tịch UBND xã Ia Tul', 'Chủ tịch UBND xã')).toBe(true);
    expect(looksLikeRole('Ksor Suy', 'Phó Chủ tịch UBND huyện')).toBe(false);
  });

  it('sends a text field to the section its key or label names, else to the results', () => {
    const section = (key: string, label = '') => textSectionOf({ key, label, type: 'text' });
    expect(section('ket-qua-dat-duoc')).toBe('results');
    expect(section('han-che-nguyen-nhan')).toBe('shortcomings');
    expect(section('phuong-huong-nhiem-vu')).toBe('directions');
    expect(section('kien-nghi-de-xuat')).toBe('proposals');
    expect(section('ket-qua-thuc-hien-nhiem-vu')).toBe('results');
    expect(section('y-kien-3', 'Khó khăn, vướng mắc')).toBe('shortcomings');
    expect(section('ten-mo-hinh-dan-van-kheo', 'Tên mô hình “Dân vận khéo”')).toBe('results');
  });

  it('writes numbers the Vietnamese way', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatPercent(85.55)).toBe('85,6%');
    expect([formatChange('sum', 3), formatChange('sum', -2), formatChange('average', 4.5)]).toEqual([
      '+3',
      '-2',
      '+4,5',
    ]);
  });
});
