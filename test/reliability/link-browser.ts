import { createSubmissionToken, type SubmissionClaims } from '../../links/submission-token';
import { TEST_SECRET } from '../helpers/stack';
import { csrfOf, multipart, type FormPart } from '../web/web-harness';

/** A submission link of the service under test (signed with its DONDOC_SECRET), valid for an hour unless `exp`. */
export function linkToken(claims: Omit<SubmissionClaims, 'exp'> & { exp?: number }): string {
  return createSubmissionToken(Buffer.from(TEST_SECRET, 'utf8'), {
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...claims,
  });
}

/** One rendering of a link's form, as a browser holds it: its cookies, CSRF token and request id. */
export interface OpenedForm {
  token: string;
  cookies: string;
  csrf: string;
  requestId: string | undefined;
}

export async function openForm(baseUrl: string, token: string): Promise<OpenedForm> {
  const page = await fetch(`${baseUrl}/s/${token}`);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`GET /s/… answered ${page.status}:\n${html.slice(0, 500)}`);
  const cookies = page.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { token, cookies, csrf: csrfOf(html), requestId: /name="requestId" value="([^"]+)"/.exec(html)?.[1] };
}

/** POSTs the form (CSRF first, then the request id of its rendering, then `parts`); the status and the page. */
export async function postForm(
  baseUrl: string,
  form: OpenedForm,
  parts: FormPart[],
): Promise<{ status: number; html: string }> {
  const body = await multipart([
    ['_csrf', form.csrf],
    ...(form.requestId ? ([['requestId', form.requestId]] as FormPart[]) : []),
    ...parts,
  ]);
  const response = await fetch(`${baseUrl}/s/${form.token}`, {
    method: 'POST',
    headers: { ...body.headers, cookie: form.cookies },
    body: body.payload,
  });
  return { status: response.status, html: await response.text() };
}
