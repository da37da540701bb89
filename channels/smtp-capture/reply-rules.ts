/** A scripted SMTP reply, for tests: e.g. `{stage: 'rcpt', address: 'x@y', code: 550}` or `{stage: 'data', code: 451, times: 1}`. */
export interface ReplyRule {
  stage: 'mail' | 'rcpt' | 'data';
  /** Only for this address (MAIL FROM or RCPT TO, case-insensitive); every address when absent. */
  address?: string;
  code: number;
  message?: string;
  /** How many times the rule applies before it is spent. @defaultValue unlimited */
  times?: number;
}

export type SmtpReplyError = Error & { responseCode: number };

/** The first matching rule, consumed by one use; the error smtp-server sends back as the reply. */
export class ReplyRules {
  private rules: ReplyRule[] = [];

  add(rule: ReplyRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  match(stage: ReplyRule['stage'], address?: string): SmtpReplyError | undefined {
    const rule = this.rules.find(
      (r) => r.stage === stage && (r.address === undefined || r.address.toLowerCase() === address?.toLowerCase()),
    );
    if (!rule) return undefined;
    if (rule.times !== undefined && --rule.times <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    const text = rule.message ?? (rule.code >= 500 ? 'Rejected by test rule' : 'Try again later (test rule)');
    return Object.assign(new Error(text), { responseCode: rule.code });
  }
}
