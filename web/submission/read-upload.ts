import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sniffKind } from '../../storage/file-policy/sniff-type';
import { ACCEPTED_EXTENSIONS, acceptedContentType } from '../../storage/file-policy/upload-policy';
import type { StoredFile } from '../../storage/file-store';
import { CSRF_FIELD } from '../auth/csrf-token';
import { HttpError } from '../http-error';

export interface Upload {
  fields: Record<string, string>;
  files: StoredFile[];
}

const csrfRefused = () =>
  new HttpError(403, 'Biểu mẫu không hợp lệ hoặc đã quá cũ. Vui lòng tải lại trang rồi nộp lại.', {
    title: 'Yêu cầu bị từ chối',
  });

/**
 * Reads a multipart submission, storing each file as it streams in. The CSRF field must come first (the form puts
 * it first), so nothing is written for a forged request. A file refused while streaming (too large, wrong type)
 * leaves nothing; files stored before a later failure stay unreferenced until the sweep removes them (never
 * deleted here: the same bytes may belong to another submission).
 */
export async function readUpload(app: FastifyInstance, request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new HttpError(415, 'Biểu mẫu phải được gửi dạng multipart/form-data.');
  const fields: Record<string, string> = {};
  const files: StoredFile[] = [];
  let first = true;
  try {
    for await (const part of request.parts()) {
      if (first && !(part.type === 'field' && part.fieldname === CSRF_FIELD && request.csrfOk(part.value))) {
        throw csrfRefused();
      }
      first = false;
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (!part.filename) {
        part.file.resume(); // an empty file input
        continue;
      }
      const filename = part.filename.normalize('NFC');
      const stored = await app.core.files.storeStream(part.file, filename, ({ head, tail }) => {
        if (part.file.truncated) throw tooLarge(app.web.maxFileBytes);
        const contentType = acceptedContentType(filename, sniffKind(head, tail));
        if (!contentType) throw unsupported(filename);
        return contentType;
      });
      files.push(stored);
    }
    if (first) throw csrfRefused();
    return { fields, files };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(app.web.maxFileBytes);
    if (code === 'FST_FILES_LIMIT') {
      throw new HttpError(413, `Chỉ được gửi tối đa ${app.web.maxFiles} tệp.`, { title: 'Quá nhiều tệp' });
    }
    throw err;
  }
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `Mỗi tệp không được quá ${Math.floor(limit / 1024 / 1024)} MB.`, { title: 'Tệp quá lớn' });
}

function unsupported(filename: string): HttpError {
  return new HttpError(
    415,
    `Tệp «${filename}» không được chấp nhận: nội dung không đúng loại tệp theo tên. ` +
      `Chỉ nhận ${ACCEPTED_EXTENSIONS.join(', ')} (PDF, Word, Excel, ảnh).`,
    { title: 'Loại tệp không được chấp nhận' },
  );
}
