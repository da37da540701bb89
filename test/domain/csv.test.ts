import { csvCell, csvDocument } from '../../domain/csv';

describe('CSV for Excel', () => {
  it('keeps a text that Excel would run as a formula as text, and numbers as numbers', () => {
    expect(['=HYPERLINK("http://x")', '+84 912', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+84 912",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
    ]);
    expect([-1, 3.5, true, undefined].map(csvCell)).toEqual(['-1', '3.5', 'true', '']);
  });

  it('quotes commas, quotes and line breaks, and frames the document with a BOM and CRLF lines', () => {
    expect(
      csvDocument([
        ['Mã', 'Kết quả'],
        ['xa-dong', 'Tốt, "đạt"\nhết'],
      ]),
    ).toBe('\uFEFFMã,Kết quả\r\nxa-dong,"Tốt, ""đạt""\nhết"\r\n');
  });
});
