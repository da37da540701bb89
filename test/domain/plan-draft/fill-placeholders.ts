/** What an admin would type for each `<điền …>` of a draft; an unknown placeholder fails the test. */
const VALUES: Record<string, string> = {
  'họ tên': 'Nguyễn Văn An',
  email: 'can-bo@vi-du.example',
  'số điện thoại': '0900000001',
  'id xã': 'xa-ia-tul',
  'tên xã': 'Ia Tul',
  'id đơn vị': 'trung-tam-mau',
  'tên đơn vị sự nghiệp': 'Trung tâm Mẫu',
  'id phòng': 'phong-mau',
  'tên phòng': 'Mẫu',
  số: '45',
  ngày: '20',
  'hạn MM-DD': '06-30',
  'tên kế hoạch': 'Kế hoạch mẫu',
  'tên địa bàn': 'Ia Pa',
  năm: '2022',
  'ngày ban hành dd/MM/yyyy': '20/04/2022',
  'id đơn vị theo dõi, tổng hợp': 'phong-mau',
};

export function fillPlaceholders(yaml: string): string {
  return yaml.replace(/<điền ([^>]+)>/gu, (_, what: string) => {
    const value = VALUES[what];
    if (value === undefined) throw new Error(`no test value for the placeholder <điền ${what}>`);
    return value;
  });
}
