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
});
