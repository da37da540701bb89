/**
 * A unit or cycle command refused, with the sentence its user sees (Vietnamese). Domain code stays free of
 * Temporal: the workflow turns this into a non-retryable ApplicationFailure, which fails only the Update.
 */
export class CommandRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandRejected';
  }
}
