import { applyDecorators, INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { catalogue, CataloguedProblem, ProblemFactory } from 'src/platform/errors/problem-catalogue';
import { problemClasses, ProblemType } from 'src/platform/errors/problem';

const typeForStatus: Record<number, ProblemType> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'unavailable',
};

const exampleFor = (status: number, problems: CataloguedProblem[]) => {
  const type = problems[0]?.type ?? typeForStatus[status] ?? 'bad-request';
  const first = problems[0];
  return {
    type: `/problems/${type}`,
    code: first?.code ?? `common.${type}`,
    title: problemClasses[type].title.en,
    status,
    detail:
      first?.en ??
      (status === 400 ? 'body.name: Too small: expected string to have >=1 characters' : problemClasses[type].title.en),
    ...(status === 400 && !first
      ? { errors: [{ field: 'name', message: 'Too small: expected string to have >=1 characters', in: 'body' }] }
      : {}),
  };
};

/**
 * Documents the problem+json answers a route can give: by status, or by the catalogued problems
 * it raises (their codes and texts are listed under the status).
 */
export function ApiProblems(...answers: (number | ProblemFactory)[]) {
  const byStatus = new Map<number, CataloguedProblem[]>();
  for (const a of answers) {
    const status = typeof a === 'number' ? a : a.spec.status;
    const list = byStatus.get(status) ?? [];
    if (typeof a !== 'number') list.push(a.spec);
    byStatus.set(status, list);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, problems]) =>
      ApiResponse({
        status,
        description: [
          problemClasses[problems[0]?.type ?? typeForStatus[status] ?? 'bad-request'].title.en,
          ...problems.map((p) => `\`${p.code}\`: ${p.en} / ${p.zh}`),
        ].join('\n\n'),
        content: { 'application/problem+json': { example: exampleFor(status, problems) } },
      }),
    ),
  );
}

/** The catalogue as a table in the API description: every code a client may branch on. */
function catalogueTable(): string {
  const rows = catalogue().map((p) => `| \`${p.code}\` | ${p.status} | ${p.en} | ${p.zh} |`);
  return ['', '### Problem codes', '', '| code | status | English | 中文 |', '|---|---|---|---|', ...rows].join('\n');
}

/** OpenAPI at /docs (UI) and /docs-json, built from the same schemas that validate requests. */
export function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Customer-service workforce API')
    .setDescription(
      'Forecasts, staffing, rosters, KPIs, rankings, QC, training and complaints for e-commerce customer service. ' +
        'Sign in with POST /auth/login and send `Authorization: Bearer <token>`. Admins name the shop with the `X-Shop-Id` header. ' +
        'Errors are RFC 7807 problem+json with a stable `code` (listed below) and `detail` in the language of `Accept-Language` ' +
        "(`zh` or `en`; without it, the shop's language).\n" +
        catalogueTable(),
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addGlobalParameters(
      {
        name: 'X-Shop-Id',
        in: 'header',
        required: false,
        description: 'Admins only: the shop to act on',
        schema: { type: 'string', format: 'uuid' },
      },
      {
        name: 'Accept-Language',
        in: 'header',
        required: false,
        description: "zh or en: the language of messages (default: the shop's language)",
        schema: { type: 'string', example: 'zh-CN' },
      },
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ProblemCode: {
        type: 'string',
        enum: catalogue().map((p) => p.code),
        description: 'The stable reason of a refusal',
      },
    },
  };
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
