import type { ConsolidatedReport } from '../../../domain/report/consolidated-report';
import { renderReportDocx } from '../../../reports/docx/render-report-docx';
import { isXmlCharacter } from '../../../reports/docx/xml-safe-text';
import {
  attribute,
  paragraphsOf,
  paragraphWithText,
  readDocx,
  sectionsOf,
  tableRows,
  tablesOf,
  type DocxParts,
  type ParagraphXml,
} from './docx-xml';
import { FIXTURE_ONLINE_AVERAGE, FIXTURE_SUMS, reportFixture } from './report-fixture';

const twips = (xml: string, element: string, name: string) => Number(attribute(xml, element, name));

function onlyRun(paragraph: ParagraphXml) {
  expect(paragraph.runs).toHaveLength(1);
  return paragraph.runs[0];
}

function tableWithHeading(document: string, heading: string): string[][] {
  const table = tablesOf(document).find((candidate) => tableRows(candidate)[0]?.includes(heading));
  if (!table) throw new Error(`no table has the heading «${heading}»`);
  return tableRows(table);
}

/** The per-unit numbers: the table that closes with a "Tổng cộng" row. */
function unitValuesRows(document: string): string[][] {
  const table = tablesOf(document).find((candidate) => tableRows(candidate).at(-1)?.[1] === 'Tổng cộng');
  if (!table) throw new Error('no table closes with a total row');
  return tableRows(table);
}

describe('the consolidated report as a Nghị định 30/2020 DOCX', () => {
  let docx: DocxParts;
  beforeAll(async () => {
    docx = await readDocx(await renderReportDocx(reportFixture()));
  });

  it('is set on A4 portrait with the decree margins, page 1 unnumbered', () => {
    const [body, appendix] = sectionsOf(docx.document);
    expect(sectionsOf(docx.document)).toHaveLength(2);
    expect([twips(body!, 'w:pgSz', 'w:w'), twips(body!, 'w:pgSz', 'w:h')]).toEqual([11906, 16838]);
    expect(attribute(body!, 'w:pgSz', 'w:orient')).toBe('portrait');
    const margin = (name: string) => twips(body!, 'w:pgMar', name);
    for (const side of ['w:top', 'w:bottom']) expect(margin(side)).toBeGreaterThanOrEqual(1134);
    for (const side of ['w:top', 'w:bottom']) expect(margin(side)).toBeLessThanOrEqual(1417);
    expect(margin('w:left')).toBeGreaterThanOrEqual(1701);
    expect(margin('w:left')).toBeLessThanOrEqual(1984);
    expect(margin('w:right')).toBeGreaterThanOrEqual(850);
    expect(margin('w:right')).toBeLessThanOrEqual(1134);
    expect(body).toContain('<w:titlePg/>');
    // The Phụ lục: landscape (allowed for tables), numbered from 1 on its own.
    expect([twips(appendix!, 'w:pgSz', 'w:w'), twips(appendix!, 'w:pgSz', 'w:h')]).toEqual([16838, 11906]);
    expect(attribute(appendix!, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(attribute(appendix!, 'w:pgNumType', 'w:start')).toBe('1');
    expect(appendix).toContain('<w:titlePg/>');
  });

  it('numbers pages in the top margin only in the headers of pages after the first', () => {
    for (const section of sectionsOf(docx.document)) {
      const header = (type: string) => {
        const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(section)?.[1];
        return docx.headers.get(id ?? '') ?? '';
      };
      expect(header('default')).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(paragraphsOf(header('default'))[0]?.alignment).toBe('center');
      expect(header('first')).not.toBe('');
      expect(header('first')).not.toContain('PAGE');
    }
  });

  it('writes Times New Roman 14 pt by default, and justified body text with a 1 cm indent and 6 pt after', () => {
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(docx.styles)?.[1] ?? '';
    for (const name of ['w:ascii', 'w:hAnsi', 'w:cs'])
      expect(attribute(defaults, 'w:rFonts', name)).toBe('Times New Roman');
    expect(attribute(defaults, 'w:sz', 'w:val')).toBe('28');
    const body =
      /<w:style w:type="paragraph" w:styleId="BaoCaoBody">([\s\S]*?)<\/w:style>/.exec(docx.styles)?.[1] ?? '';
    expect(attribute(body, 'w:jc', 'w:val')).toBe('both');
    expect(twips(body, 'w:ind', 'w:firstLine')).toBe(567);
    expect(twips(body, 'w:spacing', 'w:after')).toBeGreaterThanOrEqual(120);
    // No run anywhere picks another font.
    const fonts = [...`${docx.document}${docx.styles}`.matchAll(/<w:rFonts [^>]*w:ascii="([^"]+)"/g)].map(
      ([, font]) => font,
    );
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
  });

  it('heads page 1 with the issuing body left and the Quốc hiệu, Tiêu ngữ, place and date right', () => {
    const [header] = tablesOf(docx.document);
    expect(tableRows(header!)).toEqual([
      [
        'UBND HUYỆN IA PA\nPHÒNG NỘI VỤ\n\nSố:       /BC-PNV',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nIa Pa, ngày 02 tháng 11 năm 2022',
      ],
    ]);
    expect(header).toContain('<w:tblBorders><w:top w:val="none"');
    const run = (text: string) => onlyRun(paragraphWithText(header!, text));
    expect(run('UBND HUYỆN IA PA')).toMatchObject({ bold: false, size: 26 });
    expect(run('PHÒNG NỘI VỤ')).toMatchObject({ bold: true, size: 26 });
    expect(run('Số:       /BC-PNV')).toMatchObject({ bold: false, italics: false, size: 26 });
    expect(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ bold: true, size: 24 });
    expect(run('Độc lập - Tự do - Hạnh phúc')).toMatchObject({ bold: true, size: 28 });
    expect(run('Ia Pa, ngày 02 tháng 11 năm 2022')).toMatchObject({ bold: false, italics: true, size: 28 });
    // The rules under the issuing body and the Tiêu ngữ: bordered empty paragraphs.
    expect(header!.match(/<w:pBdr><w:bottom w:val="single"/g)).toHaveLength(2);
  });

  it('titles the report BÁO CÁO with its subject, and addresses UBND huyện', () => {
    const run = (text: string) => onlyRun(paragraphWithText(docx.document, text));
    expect(run('BÁO CÁO')).toMatchObject({ bold: true, size: 28 });
    expect(run('Kết quả thực hiện công tác Dân vận chính quyền năm 2022')).toMatchObject({ bold: true, size: 28 });
    expect(paragraphWithText(docx.document, 'Kính gửi: Ủy ban nhân dân huyện Ia Pa.').alignment).toBe('center');
  });

  it('has the five sections in order, cites the plan, and tables late and missing units with their dates', () => {
    const texts = paragraphsOf(docx.document).map((paragraph) => paragraph.text);
    const headings = [
      'I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. HẠN CHẾ, NGUYÊN NHÂN',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
    ].map((heading) => texts.indexOf(heading));
    expect(headings.every((index) => index > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(
      texts.some((text) => text.startsWith('Thực hiện Kế hoạch số .../KH-UBND tháng 4/2022 của UBND huyện Ia Pa;')),
    ).toBe(true);
    expect(texts).toContain('- Gửi báo cáo đúng hạn: 3/5 cơ quan, đơn vị, địa phương;');
    expect(texts).toContain('- Gửi báo cáo trễ hạn: 1/5 cơ quan, đơn vị, địa phương;');
    expect(texts).toContain('- Chưa gửi báo cáo: 1/5 cơ quan, đơn vị, địa phương;');
    expect(texts).toContain('- Tỷ lệ gửi báo cáo đúng hạn: 60,0% (không tính đơn vị được miễn, chưa đến hạn).');
    expect(texts).toContain(
      'Số liệu tại báo cáo này chưa gồm các cơ quan, đơn vị, địa phương chưa gửi báo cáo; ' +
        'Phòng Nội vụ sẽ tổng hợp bổ sung khi nhận đủ báo cáo.',
    );
    expect(tableWithHeading(docx.document, 'Số ngày làm việc trễ hạn').slice(1)).toEqual([
      ['1', 'UBND xã Pờ Tó', '31/10/2022', '01/11/2022', '1'],
      ['2', 'UBND xã Kim Tân', '31/10/2022', 'Chưa gửi', '2'],
    ]);
  });

  it('gathers the units’ written answers under the section their field names', () => {
    const texts = paragraphsOf(docx.document).map((paragraph) => paragraph.text);
    const after = (heading: string, text: string) => texts.indexOf(text) > texts.indexOf(heading);
    expect(after('II. KẾT QUẢ THỰC HIỆN', '- Phòng Tư pháp huyện: Ban hành 03 văn bản chỉ đạo.')).toBe(true);
    expect(texts).toContain('Tổ chức 01 hội nghị quán triệt.');
    const shortcoming = texts.indexOf('- Phòng Tư pháp huyện: Chưa bố trí được cán bộ chuyên trách.');
    expect(shortcoming).toBeGreaterThan(texts.indexOf('III. HẠN CHẾ, NGUYÊN NHÂN'));
    expect(shortcoming).toBeLessThan(texts.indexOf('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'));
    expect(
      after('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI', '- UBND xã Ia Tul: Nhân rộng mô hình trong năm 2023.'),
    ).toBe(true);
    expect(after('V. KIẾN NGHỊ, ĐỀ XUẤT', '- Thanh tra huyện: Đề nghị tập huấn nghiệp vụ tiếp công dân.')).toBe(true);
  });

  it('marks what the office must write as highlighted bracketed placeholders', () => {
    const placeholders = paragraphsOf(docx.document)
      .flatMap((paragraph) => paragraph.runs)
      .filter((run) => run.text.startsWith('['));
    expect(placeholders.length).toBeGreaterThanOrEqual(6);
    for (const run of placeholders) expect(run).toMatchObject({ highlight: 'yellow' });
    expect(placeholders.map((run) => run.text)).toContain('[Phòng Nội vụ bổ sung: hạn chế, nguyên nhân chung]');
  });

  it('sums the indicators in section II, averages percents, and counts yes and no', () => {
    const rows = tableWithHeading(docx.document, 'Ghi chú');
    expect(rows.slice(1)).toEqual([
      ['1', 'Số kế hoạch, văn bản chỉ đạo đã ban hành', '10', 'Tổng của 4 đơn vị báo cáo'],
      ['2', 'Số lượt tiếp công dân', '25', 'Tổng của 4 đơn vị báo cáo'],
      ['3', 'Số đơn thư tiếp nhận', '4', 'Tổng của 4 đơn vị báo cáo'],
      ['4', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)', '80,0%', 'Bình quân của 3 đơn vị có số liệu'],
      ['5', 'Đã ban hành quy chế dân chủ', 'Có: 3; Không: 1', '4 đơn vị trả lời'],
    ]);
  });

  it('compares with the previous period and the previous year: value then change', () => {
    const rows = tableWithHeading(docx.document, 'Kỳ này');
    expect(rows[0]).toEqual(['STT', 'Chỉ tiêu', 'Kỳ này', 'Kỳ trước', 'Cùng kỳ năm 2021']);
    expect(rows.slice(2)).toEqual([
      ['1', 'Số kế hoạch, văn bản chỉ đạo đã ban hành', '10', '12', '-2', '8', '+2'],
      ['2', 'Số lượt tiếp công dân', '25', '20', '+5', '-', '-'],
      ['3', 'Số đơn thư tiếp nhận', '4', '-', '-', '4', '0'],
      ['4', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)', '80,0%', '75,5%', '+4,5', '-', '-'],
    ]);
  });

  it('puts each unit’s numbers in the Phụ lục, closed by a total row equal to the sums', () => {
    const rows = unitValuesRows(docx.document);
    expect(rows[0]).toEqual([
      'STT',
      'Cơ quan, đơn vị, địa phương',
      'Số kế hoạch, văn bản chỉ đạo đã ban hành',
      'Số lượt tiếp công dân',
      'Số đơn thư tiếp nhận',
      'Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)',
    ]);
    const units = rows.slice(1, -1);
    expect(units.map((row) => row[1])).toEqual([
      'Phòng Tư pháp huyện',
      'Thanh tra huyện',
      'UBND xã Ia Tul',
      'UBND xã Pờ Tó',
      'UBND xã Kim Tân (chưa gửi báo cáo)',
    ]);
    const total = rows.at(-1)!;
    expect(total).toEqual([
      '',
      'Tổng cộng',
      String(FIXTURE_SUMS.documents),
      String(FIXTURE_SUMS.receptions),
      String(FIXTURE_SUMS.petitions),
      `BQ ${FIXTURE_ONLINE_AVERAGE},0%`,
    ]);
    for (const column of [2, 3, 4]) {
      const sum = units.reduce((accumulated, row) => accumulated + Number(row[column] || 0), 0);
      expect(String(sum)).toBe(total[column]);
    }
  });

  it('closes with the signer right and Nơi nhận left, the role-like head name left as a placeholder', () => {
    const signature = tablesOf(docx.document).find((table) => table.includes('Nơi nhận:'))!;
    expect(signature).toContain('<w:tblBorders><w:top w:val="none"');
    const run = (text: string) => onlyRun(paragraphWithText(signature, text));
    expect(run('Nơi nhận:')).toMatchObject({ bold: true, italics: true, size: 24 });
    for (const item of ['- Như trên;', '- Lãnh đạo UBND huyện;', '- Lưu: VT, PNV.']) {
      expect(run(item)).toMatchObject({ size: 22 });
    }
    expect(run('TRƯỞNG PHÒNG')).toMatchObject({ bold: true, size: 28 });
    expect(run('[Họ và tên người ký]')).toMatchObject({ bold: true, highlight: 'yellow' });
    const [left, right] = tableRows(signature)[0]!;
    expect(left).toContain('Nơi nhận:');
    expect(right).toContain('TRƯỞNG PHÒNG');
  });
});

describe('text pasted from Word', () => {
  it('keeps the DOCX well-formed: vertical tabs break lines, other control characters are dropped', async () => {
    const report = reportFixture();
    const results = report.indicators.find((indicator) => indicator.field.key === 'ket-qua-dat-duoc');
    if (results?.kind !== 'text') throw new Error('the fixture has no results text');
    results.answers[0]!.text = 'Dòng một\u000bDòng hai\u0001\u001f.';
    const { document } = await readDocx(await renderReportDocx(report));
    expect([...document].every((character) => isXmlCharacter(character.codePointAt(0) ?? 0))).toBe(true);
    const texts = paragraphsOf(document).map((paragraph) => paragraph.text);
    expect(texts).toContain('- Phòng Tư pháp huyện: Dòng một');
    expect(texts).toContain('Dòng hai.');
  });
});

describe('a report with few numbers', () => {
  function fewNumbers(): ConsolidatedReport {
    const report = reportFixture();
    const keep = (key: string) => !['so-don-thu-tiep-nhan', 'ty-le-ho-so-truc-tuyen'].includes(key);
    const { reference: _reference, ...planWithoutReference } = report.plan;
    return {
      ...report,
      plan: planWithoutReference,
      supervisor: { ...report.supervisor, head: { name: 'Nguyễn Văn A', title: 'Trưởng phòng' } },
      fields: report.fields.filter((field) => keep(field.key)),
      indicators: report.indicators.filter((indicator) => keep(indicator.field.key)),
      comparisons: [],
      final: true,
    };
  }

  it('keeps the per-unit table in section II on portrait pages, prints a real signer’s name, asks for the plan’s number', async () => {
    const { document } = await readDocx(await renderReportDocx(fewNumbers()));
    expect(sectionsOf(document)).toHaveLength(1);
    const rows = unitValuesRows(document);
    expect(rows.at(-1)).toEqual(['', 'Tổng cộng', '10', '25']);
    expect(tablesOf(document).some((table) => tableRows(table)[0]?.includes('Kỳ này'))).toBe(false);
    expect(onlyRun(paragraphWithText(document, 'Nguyễn Văn A'))).toMatchObject({ bold: true });
    const texts = paragraphsOf(document).map((paragraph) => paragraph.text);
    expect(texts).not.toContain('Chi tiết tại Phụ lục kèm theo Báo cáo này.');
    expect(
      texts.some((text) =>
        text.startsWith('Thực hiện Kế hoạch triển khai thực hiện công tác Dân vận chính quyền [số, ngày ban hành];'),
      ),
    ).toBe(true);
    // A final report (every unit in) says nothing of figures still to come.
    expect(texts.some((text) => text.includes('sẽ tổng hợp bổ sung'))).toBe(false);
  });
});
