import { draftPlan, leftToFill, renderDraft } from '../../../domain/plan-draft';

const SPARSE = [
  'KẾ HOẠCH',
  'Tổ chức Tháng hành động vì an toàn thực phẩm năm 2024',
  'Ủy ban nhân dân xã ban hành Kế hoạch như sau:',
  'I. NỘI DUNG',
  '1. Tuyên truyền về an toàn thực phẩm trên hệ thống truyền thanh của xã.',
].join('\n');

describe('plan draft of a document that says little', () => {
  it('still gives a draft, and lists every missing piece, including what the plan schema itself asks for', () => {
    const draft = draftPlan(SPARSE);
    expect(draft.plan).toMatchObject({
      id: 'tcthdv',
      title: 'Kế hoạch tổ chức Tháng hành động vì an toàn thực phẩm',
      issuer: 'Ủy ban nhân dân xã <điền tên địa bàn>',
      reference:
        'Kế hoạch số <điền số>/KH ngày <điền ngày ban hành dd/MM/yyyy> của Ủy ban nhân dân xã <điền tên địa bàn>',
      supervisor: '<điền id đơn vị theo dõi, tổng hợp>',
      units: [],
      obligations: [],
    });
    expect(leftToFill(draft.plan)).toEqual([
      'reference: điền số, điền ngày ban hành dd/MM/yyyy, điền tên địa bàn',
      'issuer: điền tên địa bàn',
      'supervisor: điền id đơn vị theo dõi, tổng hợp',
      'units: a plan needs at least one unit',
      'obligations: a plan needs at least one obligation',
    ]);
    const yaml = renderDraft(draft, leftToFill(draft.plan));
    expect(yaml).toMatch(
      /# ĐOÁN: văn bản không có dòng tên cơ quan ban hành.*\nissuer: "Ủy ban nhân dân xã <điền tên địa bàn>" # CẦN ĐIỀN/,
    );
    expect(yaml).toMatch(
      /# Còn phải điền trước khi dùng:\n(# {3}.*\n)*# {3}obligations: a plan needs at least one obligation\n$/,
    );
  });

  it('takes the unit that consolidates reports as the supervisor when none "theo dõi", and keeps its own date', () => {
    const draft = draftPlan(
      [
        'III. TỔ CHỨC THỰC HIỆN',
        '1. Phòng Tư pháp huyện: Tổng hợp, báo cáo kết quả phổ biến, giáo dục pháp luật trước ngày 15/12 hằng năm.',
      ].join('\n'),
    );
    expect(draft.namedUnits).toEqual(['phong-tu-phap']);
    expect(draft.plan.supervisor).toBe('phong-tu-phap');
    expect(draft.plan.obligations).toEqual([
      {
        id: 'tong-hop-bao-cao-nam',
        title: 'Tổng hợp, báo cáo kết quả phổ biến, giáo dục pháp luật năm',
        appliesTo: { units: ['phong-tu-phap'] },
        due: { date: '12-15' },
        deliverable: 'document',
      },
    ]);
  });
});
