import { InvalidArgumentError } from 'commander';

/** A dashboard user name: what the login form takes, and what DONDOC_USERS can list (no `:` or `,`). */
export function parseUserName(text: string): string {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,99}$/u.test(text)) {
    throw new InvalidArgumentError(
      'must be 1–100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit',
    );
  }
  return text.normalize('NFC');
}
