/**
 * The one base class of every error this package throws, so a skill can catch all of them in one
 * place (`error instanceof ProactiveEventsError`). Each carries an optional `hint`: what the person
 * who has to fix things should do. None holds the client secret or a token.
 */
export class ProactiveEventsError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }

  /** A compact, secret-free summary for logs, outboxes and the CLI's `--json` output. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, hint: this.hint };
  }
}
