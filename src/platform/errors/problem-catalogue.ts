import type { TemplateParams, Text } from 'src/platform/i18n/locale';
import { AppError, FieldError, Message, problemClasses, ProblemType } from './problem';

/** One refusal a module can give: its HTTP status and its text in both languages, `{name}` filled. */
export type ProblemSpec = {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  en: string;
  zh: string;
  /** The problem class when the status alone does not say it (400 defaults to `validation`). */
  type?: ProblemType;
};

export type CataloguedProblem = ProblemSpec & { code: string; type: ProblemType };

export type ProblemOptions = { errors?: FieldError[]; extra?: Record<string, unknown> };

/** Raises one catalogued problem; `code` and `spec` let tests and OpenAPI name it. */
export type ProblemFactory = ((params?: TemplateParams, options?: ProblemOptions) => AppError) & {
  readonly code: string;
  readonly spec: CataloguedProblem;
  /** The problem about one field of the body (or query/path): the field error carries the same text. */
  at: (field: string, params?: TemplateParams, location?: FieldError['in'] | null) => AppError;
  /** Its text as a field error's message (for problems listing several fields or rows). */
  message: (params?: TemplateParams) => Message;
};

const DEFAULT_TYPE: Record<ProblemSpec['status'], ProblemType> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  500: 'internal',
  503: 'unavailable',
};

const registry = new Map<string, CataloguedProblem>();

const kebab = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * Declares a module's refusals. Codes are `<area>.<kebab-key>` and stable: clients (and the web
 * page) branch on them, so a code is never reused for another reason.
 */
export function defineProblems<const K extends string>(
  area: string,
  specs: Record<K, ProblemSpec>,
): Record<K, ProblemFactory> {
  const factories = {} as Record<K, ProblemFactory>;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const code = `${area}.${kebab(key)}`;
    const type = spec.type ?? DEFAULT_TYPE[spec.status];
    if (problemClasses[type].status !== spec.status)
      throw new Error(`problem ${code}: class ${type} is not HTTP ${spec.status}`);
    if (registry.has(code)) throw new Error(`problem ${code} is declared twice`);
    const entry: CataloguedProblem = { ...spec, code, type };
    registry.set(code, entry);
    const template: Text = { en: spec.en, zh: spec.zh };
    const raise = (params?: TemplateParams, options?: ProblemOptions) =>
      new AppError(type, { template, params }, options?.errors, options?.extra, code);
    const message = (params?: TemplateParams): Message => ({ template, params });
    const at = (field: string, params?: TemplateParams, location: FieldError['in'] | null = 'body') =>
      raise(params, { errors: [{ field, message: message(params), code, ...(location ? { in: location } : {}) }] });
    factories[key] = Object.assign(raise, { code, spec: entry, at, message });
  }
  return factories;
}

/** Every problem declared so far (all modules are loaded by the time the app documents itself). */
export function catalogue(): CataloguedProblem[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}
