/**
 * The one error type of the domain. Adapters map `kind` to their own vocabulary in one place
 * (HTTP status, websocket close code, SvelteKit `fail`/`error`).
 */
export const ErrorKind = {
  input: 'input',
  auth: 'auth',
  forbidden: 'forbidden',
  notFound: 'not-found',
  conflict: 'conflict',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

export class DomainError extends Error {
  readonly kind: ErrorKind;
  /** Dotted, stable code such as `sync.frame-malformed` or `auth.ticket-invalid`. */
  readonly code: string;
  /** What the words of a refusal depend on (a name, a count), for adapters that word it in the reader's language. */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(input: { kind: ErrorKind; code: string; message?: string; cause?: unknown; details?: Record<string, string | number> }) {
    super(input.message ?? input.code, { cause: input.cause });
    this.name = 'DomainError';
    this.kind = input.kind;
    this.code = input.code;
    this.details = input.details ?? {};
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

export const fail = {
  input: (code: string, message?: string, details?: Record<string, string | number>) => new DomainError({ kind: 'input', code, message, ...(details ? { details } : {}) }),
  auth: (code: string, message?: string) => new DomainError({ kind: 'auth', code, message }),
  forbidden: (code: string, message?: string) => new DomainError({ kind: 'forbidden', code, message }),
  notFound: (code: string, message?: string) => new DomainError({ kind: 'not-found', code, message }),
  conflict: (code: string, message?: string) => new DomainError({ kind: 'conflict', code, message }),
  /** Text over its limit: the limit travels in `details.max`, for words that say it. */
  tooLong: (code: string, max: number) => new DomainError({ kind: 'input', code, message: `Use at most ${max} characters.`, details: { max } }),
};
