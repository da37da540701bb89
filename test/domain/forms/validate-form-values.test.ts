import { validateFormValues, type FormFieldRule } from '../../../domain/forms/validate-form-values';

const fields: FormFieldRule[] = [
  { key: 'so-mo-hinh', label: 'Số mô hình "Dân vận khéo"', type: 'integer', min: 0, required: true },
  { key: 'ty-le', label: 'Tỷ lệ hồ sơ trực tuyến (%)', type: 'percent', required: false },
  { key: 'ket-qua', label: 'Kết quả đạt được', type: 'text', required: true },
  { key: 'da-kiem-tra', label: 'Đã tự kiểm tra', type: 'boolean', required: false },
  { key: 'ngay', label: 'Ngày ban hành', type: 'date', required: false },
];

describe('validateFormValues', () => {
  it('accepts valid values and turns numbers typed as text into numbers', () => {
    expect(
      validateFormValues(fields, {
        'so-mo-hinh': '2',
        'ty-le': '87,5',
        'ket-qua': ' Tốt ',
        'da-kiem-tra': 'true',
        ngay: '2022-05-09',
      }),
    ).toEqual({
      ok: true,
      values: { 'so-mo-hinh': 2, 'ty-le': 87.5, 'ket-qua': 'Tốt', 'da-kiem-tra': true, ngay: '2022-05-09' },
    });
  });

  it('names every problem in Vietnamese, field by field', () => {
    const result = validateFormValues(fields, { 'so-mo-hinh': 1.5, 'ty-le': 120, ngay: '2022-02-30', la: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { key: 'la', message: 'Biểu mẫu không có trường «la»' },
      { key: 'so-mo-hinh', message: '«Số mô hình "Dân vận khéo"» phải là số nguyên' },
      { key: 'ty-le', message: '«Tỷ lệ hồ sơ trực tuyến (%)» không được lớn hơn 100' },
      { key: 'ket-qua', message: '«Kết quả đạt được» là trường bắt buộc' },
      { key: 'ngay', message: '«Ngày ban hành» phải là ngày hợp lệ (YYYY-MM-DD)' },
    ]);
  });

  it('rejects a negative count when min is 0 and text where a number is expected', () => {
    const result = validateFormValues(fields, { 'so-mo-hinh': -1, 'ket-qua': 'x', 'ty-le': 'nhiều' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: 'so-mo-hinh', message: '«Số mô hình "Dân vận khéo"» không được nhỏ hơn 0' },
        { key: 'ty-le', message: '«Tỷ lệ hồ sơ trực tuyến (%)» phải là một số' },
      ],
    });
  });
});
