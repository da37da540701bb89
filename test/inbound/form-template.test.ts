import { Workbook } from 'exceljs';
import { formTemplateCsv, formTemplateXlsx } from '../../channels/email/form-template';
import { parseFormCsv, parseFormXlsx } from '../../channels/email/form-template-parse';
import type { FormFieldRule } from '../../domain/forms/validate-form-values';
import { validateFormValues } from '../../domain/forms/validate-form-values';

const FIELDS: FormFieldRule[] = [
  { key: 'so-luot', label: 'Số lượt tiếp công dân', type: 'integer', min: 0, required: true },
  { key: 'ty-le', label: 'Tỷ lệ giải quyết', type: 'percent', required: true },
  { key: 'kinh-phi', label: 'Kinh phí (triệu đồng)', type: 'number', required: false },
  { key: 'ngay-hop', label: 'Ngày họp', type: 'date', required: false },
  { key: 'da-trien-khai', label: 'Đã triển khai', type: 'boolean', required: false },
  { key: 'ghi-chu', label: '=Ghi chú, nếu có', type: 'text', required: false },
];

/** Fills the value column of a `sep`-separated template (the last cell of each data line is empty). */
function fill(csv: string, values: Record<string, string>): string {
  return csv
    .split('\r\n')
    .map((line) => {
      const key = line.replace(/^\uFEFF/, '').split(/[;,]/)[0] ?? '';
      return key in values ? `${line}${values[key]}` : line;
    })
    .join('\r\n');
}

describe('form templates: built for Excel, read back however Excel saved them', () => {
  it('round-trips the CSV template with Vietnamese decimals, dates and Có/Không', () => {
    const template = formTemplateCsv(FIELDS);
    expect(template).toContain("'=Ghi chú, nếu có"); // never a formula in Excel
    const filled = fill(template, {
      'so-luot': '12',
      'ty-le': '87,5',
      'kinh-phi': '1.234,5',
      'ngay-hop': '05/11/2031',
      'da-trien-khai': 'Có',
      'ghi-chu': '"Tiếp dân; định kỳ"',
    });
    const values = parseFormCsv(Buffer.from(filled, 'utf8'), FIELDS);
    expect(validateFormValues(FIELDS, values!)).toEqual({
      ok: true,
      values: {
        'so-luot': 12,
        'ty-le': 87.5,
        'kinh-phi': 1234.5,
        'ngay-hop': '2031-11-05',
        'da-trien-khai': true,
        'ghi-chu': 'Tiếp dân; định kỳ',
      },
    });
  });

  it('reads a CSV re-saved with commas and without the BOM', () => {
    const resaved = [
      'key,Nội dung,Kiểu / giới hạn,Giá trị',
      'so-luot,Số lượt tiếp công dân,"số nguyên, từ 0, bắt buộc",7',
      'ty-le,Tỷ lệ giải quyết,"tỷ lệ %, từ 0 đến 100, bắt buộc","90,25"',
      'da-trien-khai,Đã triển khai,"Có / Không, không bắt buộc",không',
    ].join('\n');
    expect(parseFormCsv(Buffer.from(resaved, 'utf8'), FIELDS)).toEqual({
      'so-luot': 7,
      'ty-le': 90.25,
      'da-trien-khai': false,
    });
  });

  it('is not fooled by a CSV that is not the template', () => {
    expect(parseFormCsv(Buffer.from('a;b;c\r\n1;2;3\r\n'), FIELDS)).toBeUndefined();
  });

  it('round-trips the XLSX template, numbers, dates and formulas included', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await formTemplateXlsx(FIELDS, 'Báo cáo')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'key', 'Nội dung', 'Kiểu / giới hạn', 'Giá trị']);
    sheet.getCell('D2').value = { formula: '10+2', result: 12 };
    sheet.getCell('D3').value = 87.5;
    sheet.getCell('D5').value = new Date(Date.UTC(2031, 10, 5));
    sheet.getCell('D7').value = { richText: [{ text: 'Tiếp dân ' }, { text: 'định kỳ' }] };
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parseFormXlsx(filled, FIELDS)).toEqual({
      'so-luot': 12,
      'ty-le': 87.5,
      'ngay-hop': '2031-11-05',
      'ghi-chu': 'Tiếp dân định kỳ',
    });
  });

  it('answers undefined for bytes that are not a workbook', async () => {
    expect(await parseFormXlsx(Buffer.from('MZ not a zip'), FIELDS)).toBeUndefined();
  });
});
