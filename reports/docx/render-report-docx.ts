import { Document, Packer, Paragraph } from 'docx';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { appendix } from './appendix';
import { bodySections, unitValuesInAppendix } from './body-sections';
import { issuingBodyLine } from './document-names';
import { headerTable } from './header-table';
import { numberedPages, reportStyles } from './page-setup';
import { reportSubject } from './report-subject';
import { signatureBlock } from './signature-block';
import { titleBlock } from './title-block';
import { withXmlSafeText } from './xml-safe-text';

/**
 * The consolidated report as the draft Phòng Nội vụ sends UBND huyện: a DOCX laid out by Nghị định 30/2020 Phụ lục I.
 * What only the office can write is left as highlighted placeholders. Unit numbers too wide for a portrait page go
 * to a landscape Phụ lục, whose pages are numbered on their own.
 */
export async function renderReportDocx(given: ConsolidatedReport): Promise<Buffer> {
  const report = withXmlSafeText(given);
  const document = new Document({
    creator: issuingBodyLine(report.supervisor.name),
    title: `Báo cáo ${reportSubject(report.obligation.title, report.cycle.year)}`,
    styles: reportStyles(),
    sections: [
      {
        ...numberedPages('portrait', false),
        children: [
          headerTable(report),
          ...titleBlock(report),
          ...bodySections(report),
          new Paragraph({ spacing: { after: 0 }, children: [] }),
          signatureBlock(report),
        ],
      },
      ...(unitValuesInAppendix(report) ? [{ ...numberedPages('landscape', true), children: appendix(report) }] : []),
    ],
  });
  return Packer.toBuffer(document);
}
