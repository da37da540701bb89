import { createHash } from 'node:crypto';

/** `'sha256-…'` CSP sources of every `<style>` element in `html`, so a policy can allow exactly those. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '', 'utf8')
        .digest('base64')}'`,
  );
}
