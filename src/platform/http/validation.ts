import { ArgumentMetadata, Body, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { AppError, FieldError, renderMessage } from 'src/platform/errors/problem';
import { CommonProblems } from 'src/platform/errors/common-problems';
import { text } from 'src/platform/i18n/locale';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { localized, zodErrorMap } from 'src/platform/i18n/zod-messages';

type Location = 'body' | 'query' | 'path';

const UNKNOWN_FIELD = text('unknown field', '未知字段');

/** Turns zod issues into field pointers a client can show next to the input. */
export function fieldErrors(error: z.ZodError, location?: Location, row?: number): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        field: base ? `${base}.${k}` : k,
        message: UNKNOWN_FIELD,
        code: 'unknown_field',
        ...(row ? { row } : {}),
      }));
    }
    const field = base || (location === 'body' ? '(body)' : '(input)');
    return [{ field, message: issue.message, code: issue.code, ...(row ? { row } : {}) }];
  });
}

/** `within` names the part of the input the schema checked (an export's `params`). */
export function validationError(error: z.ZodError, location: Location, within?: string): AppError {
  const errors = fieldErrors(error, location).map((e) => (within ? { ...e, field: `${within}.${e.field}` } : e));
  const located = errors.map((e) => ({ ...e, in: location }));
  const detail = errors.map((e) => ({
    en: `${location}.${e.field}: ${renderMessage(e.message, 'en')}`,
    zh: `${location}.${e.field}：${renderMessage(e.message, 'zh')}`,
  }));
  return CommonProblems.validation({ detail }, { errors: located });
}

export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: Location,
  ) {}

  transform(value: unknown, _meta?: ArgumentMetadata): z.output<S> {
    const parsed = this.schema.safeParse(this.location === 'body' && value === undefined ? {} : value, {
      error: zodErrorMap(currentLocale()),
    });
    if (!parsed.success) throw validationError(parsed.error, this.location);
    return parsed.data;
  }
}

export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

function methodOf(target: object, key: string | symbol | undefined): PropertyDescriptor {
  return Object.getOwnPropertyDescriptor(target, key!)!;
}

/**
 * A DTO is a zod schema with a type of the same name: tsc records the parameter's design type as
 * Object, swc as the schema value itself, which swagger then takes for a class. The schema is the
 * contract either way, so the recorded type is made Object (metadata is set before parameter
 * decorators run).
 */
function plainParameterType(target: object, key: string | symbol | undefined, index: number): void {
  const types = Reflect.getMetadata('design:paramtypes', target, key!) as unknown[] | undefined;
  if (types && typeof types[index] !== 'function')
    Reflect.defineMetadata(
      'design:paramtypes',
      types.map((t, i) => (i === index ? Object : t)),
      target,
      key!,
    );
}

/** Validates the JSON body with the schema and documents it in OpenAPI from the same schema. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    plainParameterType(target, key, index);
    Body(new ZodPipe(schema, 'body'))(target, key!, index);
    ApiBody({ schema: openApiSchema(schema) })(target, key!, methodOf(target, key));
  };
}

/** Validates the whole query string; every property becomes a documented query parameter. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    plainParameterType(target, key, index);
    Query(new ZodPipe(schema, 'query'))(target, key!, index);
    const json = openApiSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      ApiQuery({
        name,
        required: json.required?.includes(name) ?? false,
        schema: prop,
        description: prop.description as string | undefined,
      })(target, key!, methodOf(target, key));
    }
  };
}

export const uuidParam = z.uuid(localized(text('must be a UUID', '必须是 UUID')));

/** A path parameter checked by its schema (a UUID by default). */
export function ValidParam(name: string, schema: z.ZodType = uuidParam): ParameterDecorator {
  return (target, key, index) => {
    Param(
      new ZodPipe(
        z.object({ [name]: schema }).transform((o) => o[name]),
        'path',
      ),
    )(target, key!, index);
    ApiParam({ name, schema: openApiSchema(schema) })(target, key!, methodOf(target, key));
  };
}
