import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfConversion {
  pdf: Buffer;
  /** What soffice wrote to stderr: empty on a clean conversion, apart from harmless warnings. */
  stderr: string;
}

const TIMEOUT_MS = 120_000;

/**
 * Converts a DOCX to PDF with LibreOffice headless, in a temporary directory with its own LibreOffice profile, so
 * that it neither reads the user's profile nor collides with another soffice running at the same time.
 */
export async function convertDocxToPdf(docx: Buffer, soffice = 'soffice'): Promise<PdfConversion> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dondoc-docx-'));
  try {
    const input = path.join(dir, 'report.docx');
    await writeFile(input, docx);
    const stderr = await runSoffice(soffice, [
      '--headless',
      '--norestore',
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input,
    ]);
    const pdf = await readFile(path.join(dir, 'report.pdf')).catch(() => {
      throw new Error(`soffice wrote no PDF${stderr ? `: ${stderr.trim()}` : ''}`);
    });
    return { pdf, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Counts a PDF's pages by its page objects (LibreOffice writes them uncompressed). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

function runSoffice(soffice: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_MS });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`LibreOffice (${soffice}) is not installed: run \`bash scripts/setup-office.sh\``)
          : error,
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stderr);
      else reject(new Error(`soffice exited with ${signal ?? code}${stderr ? `: ${stderr.trim()}` : ''}`));
    });
  });
}
