import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { parsePlanText } from '../../../config/plan-loader';
import { draftPlan, leftToFill, renderDraft, type PlanDraft } from '../../../domain/plan-draft';
import { docxText } from '../../../domain/plan-draft/docx-text';
import { fillPlaceholders } from './fill-placeholders';

const DOCUMENTS = path.resolve(__dirname, '..', '..', 'fixtures', 'documents');
const CCHC = readFileSync(path.join(DOCUMENTS, 'ke-hoach-cai-cach-hanh-chinh-2023-song-may.md'), 'utf8');
const PCTN = readFileSync(path.join(DOCUMENTS, 'ke-hoach-phong-chong-tham-nhung-2024-krong-son.txt'), 'utf8');

interface Row {
  id: string;
  appliesTo: unknown;
  due: unknown;
  deliverable: string;
  form?: string;
}

function rows(draft: PlanDraft): Row[] {
  return (draft.plan.obligations as Row[]).map(({ id, appliesTo, due, deliverable, form }) => ({
    id,
    appliesTo,
    due,
    deliverable,
    ...(form ? { form } : {}),
  }));
}

const ALL = { kinds: ['department', 'public-service-unit', 'commune'] };

/** A .docx of the text, one paragraph per line, a numbered line's number in its own bold run as Word writes it. */
async function asDocx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => {
    const numbered = /^(\d+\.|[IVX]+\.)\s(.*)$/u.exec(line);
    const runs = numbered
      ? [new TextRun({ text: `${numbered[1]} `, bold: true }), new TextRun(numbered[2] ?? '')]
      : [new TextRun(line)];
    return new Paragraph({ children: runs });
  });
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

describe('plan draft of plans written in the seed’s style', () => {
  it('Cải cách hành chính 2023 (.md): number, full date, "chậm nhất 15 ngày", "trước ngày 30/6/2023", quarters', () => {
    const draft = draftPlan(CCHC);
    expect(draft.plan).toMatchObject({
      id: 'cchc-song-may',
      issuer: 'Ủy ban nhân dân huyện Sông Mây',
      reference: 'Kế hoạch số 45/KH-UBND ngày 12/01/2023 của Ủy ban nhân dân huyện Sông Mây',
      issuedOn: '01-12',
      supervisor: 'phong-noi-vu',
    });
    expect(draft.namedUnits).toEqual([
      'phong-noi-vu',
      'phong-tu-phap',
      'van-phong-hdnd-va-ubnd',
      'trung-tam-phuc-vu-hanh-chinh-cong',
    ]);
    const quarters = [1, 2, 3, 4].map((q) => ({
      id: `bao-cao-quy-${q}`,
      appliesTo: ALL,
      due: { date: `${String(q * 3).padStart(2, '0')}-15` },
      deliverable: 'report',
      form: 'bao-cao-quy',
    }));
    expect(rows(draft)).toEqual([
      {
        id: 'phong-tu-phap-ke-hoach-kiem-soat-thu-tuc',
        appliesTo: { units: ['phong-tu-phap'] },
        due: { daysAfterIssue: 15 },
        deliverable: 'document',
      },
      {
        id: 'bao-cao-ket-qua',
        appliesTo: { units: ['van-phong-hdnd-va-ubnd'] },
        due: { date: '2023-06-30' },
        deliverable: 'report',
        form: 'bao-cao-ket-qua',
      },
      {
        id: 'trung-tam-phuc-vu-hanh-chinh-cong-de-an-so-hoa-ho-so',
        appliesTo: { units: ['trung-tam-phuc-vu-hanh-chinh-cong'] },
        due: { date: '09-30' },
        deliverable: 'document',
      },
      { id: 'ke-hoach-cai-cach-hanh-chinh', appliesTo: ALL, due: { daysAfterIssue: 15 }, deliverable: 'document' },
      ...quarters,
      { id: 'bao-cao-nam', appliesTo: ALL, due: { date: '12-15' }, deliverable: 'report', form: 'bao-cao-nam' },
      ...['03-31', '06-30', '09-30', '12-31'].map((date, i) => ({
        id: `tong-hop-bao-cao-quy-${i + 1}`,
        appliesTo: { units: ['phong-noi-vu'] },
        due: { date },
        deliverable: 'document',
      })),
      {
        id: 'tong-hop-bao-cao-nam',
        appliesTo: { units: ['phong-noi-vu'] },
        due: { date: '12-31' },
        deliverable: 'document',
      },
    ]);
  });

  it('turns the fields a report lists into its form', () => {
    const forms = draftPlan(CCHC).plan.forms as Record<string, { fields: unknown[] }>;
    expect(forms['bao-cao-ket-qua']?.fields).toEqual([
      { key: 'so-ho-so-tiep-nhan', label: 'Số hồ sơ tiếp nhận', type: 'integer', min: 0 },
      { key: 'so-ho-so-giai-quyet-dung-han', label: 'Số hồ sơ giải quyết đúng hạn', type: 'integer', min: 0 },
      {
        key: 'ty-le-ho-so-tiep-nhan-truc-tuyen',
        label: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)',
        type: 'percent',
        min: 0,
        max: 100,
      },
      { key: 'nhung-kho-khan-vuong-mac', label: 'Những khó khăn, vướng mắc', type: 'text' },
    ]);
  });

  it('Phòng, chống tham nhũng 2024 (.txt): working days, "trong tháng 4/2024", periods with "trước ngày", fields', () => {
    const draft = draftPlan(PCTN);
    expect(draft.plan).toMatchObject({ id: 'pctn-krong-son', issuedOn: '03-05', supervisor: 'thanh-tra-huyen' });
    expect(rows(draft)).toEqual([
      {
        id: 'phong-tai-chinh-ke-hoach-van-ban-huong-dan-cong-khai',
        appliesTo: { units: ['phong-tai-chinh-ke-hoach'] },
        due: { date: '2024-04-30' },
        deliverable: 'document',
      },
      { id: 'ke-hoach-phong-chong-tham-nhung', appliesTo: ALL, due: { daysAfterIssue: 14 }, deliverable: 'document' },
      { id: 'bao-cao-6-thang', appliesTo: ALL, due: { date: '06-10' }, deliverable: 'report', form: 'bao-cao-6-thang' },
      { id: 'bao-cao-nam', appliesTo: ALL, due: { date: '12-10' }, deliverable: 'report', form: 'bao-cao-nam' },
      {
        id: 'bao-cao-tu-kiem-tra',
        appliesTo: ALL,
        due: { date: '2024-09-30' },
        deliverable: 'report',
        form: 'bao-cao-tu-kiem-tra',
      },
      {
        id: 'tong-hop-bao-cao-6-thang',
        appliesTo: { units: ['thanh-tra-huyen'] },
        due: { date: '06-20' },
        deliverable: 'document',
      },
      {
        id: 'tong-hop-bao-cao-nam',
        appliesTo: { units: ['thanh-tra-huyen'] },
        due: { date: '12-20' },
        deliverable: 'document',
      },
    ]);
    const forms = draft.plan.forms as Record<string, { fields: { key: string; type: string }[] }>;
    expect(forms['bao-cao-nam']?.fields.map((field) => [field.key, field.type])).toEqual([
      ['so-cuoc-thanh-tra-kiem-tra', 'integer'],
      ['so-vu-viec-tham-nhung-phat-hien', 'integer'],
      ['ty-le-ke-khai-tai-san-thu-nhap', 'percent'],
      ['da-cong-khai-ban-ke-khai', 'boolean'],
    ]);
    const yaml = renderDraft(draft, leftToFill(draft.plan));
    expect(yaml).toMatch(/# ĐOÁN: 10 ngày làm việc tính thành 14 ngày lịch.*\n\s+due: \{daysAfterIssue: 14\}/);
    expect(yaml).toMatch(
      /# ĐOÁN: «trong tháng 4\/2024» không ghi ngày: lấy ngày cuối tháng\n\s+due: \{date: "2024-04-30"\}/,
    );
  });

  it('reads the same plan from a .docx as from its text', async () => {
    const text = await docxText(await asDocx(PCTN.trimEnd()));
    expect(text?.split('\n')).toEqual(PCTN.trimEnd().split('\n'));
    const fromDocx = draftPlan(text ?? '');
    expect(renderDraft(fromDocx, leftToFill(fromDocx.plan))).toBe(
      renderDraft(draftPlan(PCTN), leftToFill(draftPlan(PCTN).plan)),
    );
  });

  it('keeps empty paragraphs, tabs, breaks and entities of the document XML', async () => {
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      '<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>' +
        '<w:p/><w:p><w:r><w:t xml:space="preserve">Số </w:t><w:tab/><w:t>A &amp; B</w:t><w:br/><w:t>&#7871;</w:t></w:r></w:p>' +
        '</w:body></w:document>',
    );
    const text = await docxText(await zip.generateAsync({ type: 'uint8array' }));
    expect(text).toBe('KẾ HOẠCH\n\nSố \tA & B\nế');
  });

  it('says a file that is not a .docx is not one', async () => {
    expect(await docxText(Buffer.from('not a zip'))).toBeUndefined();
  });

  it.each([
    ['CCHC', CCHC],
    ['PCTN', PCTN],
  ])('%s: validates once the placeholders are filled', (_, text) => {
    const draft = draftPlan(text);
    const yaml = renderDraft(draft, leftToFill(draft.plan));
    expect(() => parsePlanText(yaml, 'draft.yaml')).toThrow(/head\.email: must be a valid email address/);
    const plan = parsePlanText(fillPlaceholders(yaml), 'draft.yaml');
    expect(plan.obligations.length).toBe((draft.plan.obligations as unknown[]).length);
  });
});
