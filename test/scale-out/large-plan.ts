/** The OA follower id of the head of commune `index` (0-based). */
export function zaloUserIdOf(index: number): string {
  return `2${String(index + 1).padStart(18, '0')}`;
}

/** A plan of `communes` communes, each head reachable by email and by Zalo (a phone, and as a follower of the OA): the scale-out test's load. */
export function largePlanYaml(communes: number): string {
  const units = Array.from({ length: communes }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return [
      `  - id: xa-${n}`,
      `    name: UBND xã Số ${n}`,
      '    kind: commune',
      '    head:',
      `      name: Chủ tịch UBND xã Số ${n}`,
      `      email: xa-${n}@mo-rong.example`,
      `      phone: '0905${String(index + 1).padStart(6, '0')}'`,
      `      zaloUserId: '${zaloUserIdOf(index)}'`,
    ].join('\n');
  });
  return [
    'id: mo-rong',
    'title: Kế hoạch thử nghiệm mở rộng',
    'issuer: Ủy ban nhân dân huyện Mở Rộng',
    'place: Mở Rộng',
    "issuedOn: '03-02'",
    'supervisor: phong-noi-vu',
    'leadership:',
    '  - name: Nguyễn Văn An',
    '    title: Phó Chủ tịch UBND huyện',
    '    email: phochutich@mo-rong.example',
    'units:',
    '  - id: phong-noi-vu',
    '    name: Phòng Nội vụ huyện',
    '    kind: department',
    '    head:',
    '      name: Trưởng phòng Nội vụ',
    '      email: noi-vu@mo-rong.example',
    ...units,
    'obligations:',
    '  - id: ke-hoach',
    '    title: Xây dựng kế hoạch triển khai',
    '    appliesTo:',
    '      kinds: [commune]',
    '    due:',
    "      date: '05-11'",
    '    deliverable: document',
    '',
  ].join('\n');
}
