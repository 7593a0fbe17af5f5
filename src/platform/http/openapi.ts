import { applyDecorators, INestApplication } from '@nestjs/common';
import { ApiResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { problemCatalogue, ProblemType } from '../errors/problem';

const typeForStatus: Record<number, ProblemType> = {
  400: 'validation', 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found', 409: 'conflict',
  413: 'payload-too-large', 415: 'unsupported-media-type', 422: 'unprocessable', 503: 'unavailable',
};

/** Documents the problem+json answers a route can give, each with an example body. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => {
      const type = typeForStatus[status] ?? 'bad-request';
      return ApiResponse({
        status,
        description: problemCatalogue[type].title,
        content: {
          'application/problem+json': {
            example: {
              type: `/problems/${type}`,
              title: problemCatalogue[type].title,
              status,
              detail: status === 400 ? 'body.name: Too small: expected string to have >=1 characters' : problemCatalogue[type].title,
              ...(status === 400 ? { errors: [{ field: 'name', message: 'Too small: expected string to have >=1 characters', in: 'body' }] } : {}),
            },
          },
        },
      });
    }),
  );
}

/** OpenAPI at /docs (UI) and /docs-json, built from the same schemas that validate requests. */
export function mountApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Customer-service workforce API')
    .setDescription(
      'Forecasts, staffing, rosters, KPIs, rankings, QC, training and complaints for e-commerce customer service. ' +
        'Sign in with POST /auth/login and send `Authorization: Bearer <token>`. Admins name the shop with the `X-Shop-Id` header. ' +
        'Errors are RFC 7807 problem+json.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addGlobalParameters({ name: 'X-Shop-Id', in: 'header', required: false, description: 'Admins only: the shop to act on', schema: { type: 'string', format: 'uuid' } })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
