/** One catalogue of user-facing errors: a stable type per kind, mapped to its HTTP status. */
export const problemCatalogue = {
  'validation': { status: 400, title: 'The request is not valid' },
  'bad-request': { status: 400, title: 'The request cannot be processed' },
  'unauthenticated': { status: 401, title: 'Sign-in required' },
  'forbidden': { status: 403, title: 'Your role may not do this' },
  'not-found': { status: 404, title: 'Not found' },
  'conflict': { status: 409, title: 'Conflict with the current state' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'unprocessable': { status: 422, title: 'The content cannot be processed' },
  'unavailable': { status: 503, title: 'A required service is unavailable' },
  'internal': { status: 500, title: 'Internal error' },
} as const;

export type ProblemType = keyof typeof problemCatalogue;

/** Where in the input a problem is: a JSON pointer-ish path, and a row for imported files. */
export type FieldError = { field: string; message: string; row?: number; code?: string; in?: string };

export class AppError extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }

  get status(): number {
    return problemCatalogue[this.type].status;
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what} not found`);
export const conflict = (detail: string, extra?: Record<string, unknown>) => new AppError('conflict', detail, undefined, extra);
export const forbidden = (detail = 'Your role may not do this') => new AppError('forbidden', detail);
export const invalid = (field: string, message: string) => new AppError('validation', `${field}: ${message}`, [{ field, message }]);

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

export function problemBody(error: AppError, instance?: string): ProblemBody {
  const entry = problemCatalogue[error.type];
  return {
    type: `/problems/${error.type}`,
    title: entry.title,
    status: entry.status,
    detail: error.detail,
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.extra ?? {}),
  };
}
