import { slugify } from '../../../domain/plan-draft/slug';
import { collectiveKinds, splitUnitNames, unitFromName, unitId } from '../../../domain/plan-draft/unit-names';

describe('unit names', () => {
  it('slugs Vietnamese to ASCII, đ as d', () => {
    expect(slugify('Phòng Giáo dục và Đào tạo')).toBe('phong-giao-duc-va-dao-tao');
    expect(slugify('  Ủy ban nhân dân xã Ia Broăi ')).toBe('uy-ban-nhan-dan-xa-ia-broai');
  });

  it.each([
    ['Phòng Nội vụ huyện', 'phong-noi-vu', 'department', 'Trưởng phòng'],
    ['Thanh tra huyện', 'thanh-tra-huyen', 'department', 'Chánh Thanh tra'],
    ['Phòng Văn hoá - Thông tin', 'phong-van-hoa-thong-tin', 'department', 'Trưởng phòng'],
    ['Trung tâm VH TT - Thể thao huyện', 'trung-tam-vh-tt-tt', 'public-service-unit', 'Giám đốc'],
    ['Văn phòng HĐND và UBND huyện', 'van-phong-hdnd-va-ubnd', 'department', 'Chánh Văn phòng'],
    ['Phòng Tài chính - Kế hoạch huyện', 'phong-tai-chinh-ke-hoach', 'department', 'Trưởng phòng'],
    ['UBND xã Ia Tul', 'xa-ia-tul', 'commune', 'Chủ tịch UBND xã'],
    ['Ủy ban nhân dân thị trấn Phú Túc', 'thi-tran-phu-tuc', 'commune', 'Chủ tịch UBND xã'],
  ])('%s → %s (%s)', (name, id, kind, headTitle) => {
    expect(unitFromName(name)).toEqual({ id, name, kind, headTitle });
    expect(unitId(name)).toBe(id);
  });

  it('is not a unit when the name does not start like one', () => {
    expect(unitFromName('Thủ trưởng các cơ quan, đơn vị')).toBeUndefined();
  });

  it('splits a heading naming several units, but not a name that contains "và"', () => {
    expect(splitUnitNames('Phòng Văn hoá - Thông tin và Trung tâm VH TT - Thể thao huyện')).toEqual([
      'Phòng Văn hoá - Thông tin',
      'Trung tâm VH TT - Thể thao huyện',
    ]);
    expect(splitUnitNames('Phòng Tài nguyên và Môi trường, Phòng Tư pháp')).toEqual([
      'Phòng Tài nguyên và Môi trường',
      'Phòng Tư pháp',
    ]);
    expect(splitUnitNames('Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã')).toEqual([]);
  });

  it.each([
    ['Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã', ['department', 'public-service-unit', 'commune']],
    ['định kỳ 6 tháng các cơ quan, đơn vị, địa phương', ['department', 'public-service-unit', 'commune']],
    ['Các phòng, ban thuộc huyện', ['department']],
    ['Chủ tịch UBND các xã, thị trấn', ['commune']],
  ])('collective «%s» → %j', (text, kinds) => {
    expect(collectiveKinds(text)).toEqual(kinds);
  });

  it('finds no collective in a sentence about one unit', () => {
    expect(collectiveKinds('Phòng Nội vụ huyện chủ trì')).toBeUndefined();
  });
});
