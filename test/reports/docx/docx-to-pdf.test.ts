import { convertDocxToPdf, pdfPageCount } from '../../../reports/docx/convert-to-pdf';
import { renderReportDocx } from '../../../reports/docx/render-report-docx';
import { reportFixture } from './report-fixture';

/**
 * What a headless soffice may say on a machine without Java or a display, and that does not touch the conversion.
 * Anything else on stderr fails the test.
 */
const HARMLESS_STDERR = [/^Warning: failed to launch javaldx - java may not function correctly$/];

describe('the report DOCX in LibreOffice', () => {
  it(
    'converts to PDF headless without errors (run `bash scripts/setup-office.sh` if soffice is missing)',
    async () => {
      const { pdf, stderr } = await convertDocxToPdf(await renderReportDocx(reportFixture()));
      const unexpected = stderr
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !HARMLESS_STDERR.some((pattern) => pattern.test(line)));
      expect(unexpected).toEqual([]);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The body runs onto more than one page, then the landscape Phụ lục.
      expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    },
    // The first start of soffice with a fresh profile takes a few seconds, more on a busy machine.
    180_000,
  );

  it('says how to install LibreOffice when soffice is missing, so that the test above fails with that advice', async () => {
    await expect(convertDocxToPdf(Buffer.from('PK'), '/nonexistent/soffice')).rejects.toThrow(
      'run `bash scripts/setup-office.sh`',
    );
  });
});
