import { request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { bearer, startTestApp, TestApp } from './support/test-app';

type Answer = { status: number; type: string; body: { code?: string; detail?: string; errors?: { field: string }[] } };

describe('hostile requests get a 4xx problem, never a 500 (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  /**
   * Exactly these bytes and headers, as a hostile client sends them (no client library rewrites them), each on a
   * connection of its own: a pooled one may be closed by the server's keep-alive timer just as the next request is
   * written to it, which says nothing about that request.
   */
  const raw = (method: string, path: string, body: Buffer | string | undefined, headers: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const bytes = body === undefined ? undefined : Buffer.from(body);
      let status: number | undefined;
      const fail = (why: string) =>
        reject(new Error(`${method} ${path}: ${why}${status === undefined ? ' (no answer)' : ` (after ${status})`}`));
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent: false,
          headers: {
            ...bearer(manager),
            'Accept-Language': 'en',
            ...(bytes ? { 'Content-Length': String(bytes.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          status = res.statusCode!;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({
              status: res.statusCode!,
              type: String(res.headers['content-type']),
              body: text.startsWith('{') ? JSON.parse(text) : {},
            });
          });
          // The problem's code is in the body: an answer cut short is no answer to check.
          res.on('close', () => (res.complete ? undefined : fail('the answer was cut short')));
        },
      );
      // A server may answer (413) and close while the body is still being written: writing the rest then fails with
      // EPIPE or ECONNRESET, which changes nothing once the status has come. Any other error, or one before the
      // status, fails the request.
      req.on('error', (e: NodeJS.ErrnoException) => {
        const afterAnswer = status !== undefined && (e.code === 'EPIPE' || e.code === 'ECONNRESET');
        if (!afterAnswer) fail(e.message);
      });
      req.end(bytes);
    });
  const json = (body: Buffer | string, headers: Record<string, string> = {}, path = '/teams') =>
    raw('POST', path, body, { 'Content-Type': 'application/json', ...headers });
  const expectProblem = (answer: Answer, status: number, code: string) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.type).toMatch(/^application\/problem\+json/);
  };

  it('tells an unknown endpoint and an upload the parser refuses in the reader’s language, naming the field', async () => {
    for (const [lang, detail] of [
      ['en', 'There is no endpoint `POST /no-such-thing`; the API is listed at `/docs`'],
      ['zh', '没有接口 `POST /no-such-thing`；接口列表见 `/docs`'],
    ]) {
      const answer = await raw('POST', '/no-such-thing?x=1', '{}', {
        'Content-Type': 'application/json',
        'Accept-Language': lang,
      });
      expectProblem(answer, 404, 'common.no-endpoint');
      expect(answer.body.detail).toBe(detail);
    }
    const upload = (lang: string) =>
      t
        .http()
        .post('/imports/sessions')
        .set({ ...bearer(manager), 'Accept-Language': lang });
    const wrongField = await upload('zh').attach('wrong', Buffer.from('a,b\n'), 'x.csv').expect(400);
    expect(wrongField.body).toMatchObject({
      code: 'common.upload-refused',
      detail: '无法读取上传内容：请用字段 `file` 发送文件',
      errors: [{ field: 'wrong', in: 'body' }],
    });
    const twoFiles = await upload('en')
      .attach('file', Buffer.from('a,b\n'), 'x.csv')
      .attach('file', Buffer.from('a,b\n'), 'y.csv')
      .expect(400);
    expect(twoFiles.body).toMatchObject({
      code: 'common.upload-refused',
      detail: 'The upload cannot be read: send exactly one file, in the field `file`',
    });
  });

  it('refuses a body larger than the limit with 413, also once inflated from a small gzip', async () => {
    expectProblem(await json(`{"name":"${'x'.repeat(3 * 2 ** 20)}"}`), 413, 'common.payload-too-large');
    const bomb = gzipSync(`{"name":"${'x'.repeat(50 * 2 ** 20)}"}`);
    expect(bomb.length).toBeLessThan(100_000);
    expectProblem(await json(bomb, { 'Content-Encoding': 'gzip' }), 413, 'common.payload-too-large');
  });

  it('refuses a body nested 100,000 deep with 400, on any endpoint', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expectProblem(await json(`{"name":${deep}}`), 400, 'request.too-deep');
    expectProblem(await json(`{"rows":${deep}}`, {}, '/imports/volume'), 400, 'request.too-deep');
    expectProblem(await json(`{"rows":${deep}}`, {}, '/complaints/import'), 400, 'request.too-deep');
  });

  it('refuses charsets other than UTF-8 and bytes that are not UTF-8 with 415 and 400', async () => {
    for (const charset of ['gbk', 'utf-16', 'latin1', 'nonsense']) {
      const answer = await json('{"name":"A"}', { 'Content-Type': `application/json; charset=${charset}` });
      expectProblem(answer, 415, 'request.charset-unsupported');
      expect(answer.body.detail).toBe(`The body is in ${charset.toUpperCase()}; send JSON as UTF-8`);
    }
    expectProblem(
      await json(Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc9, 0xcf, 0xba, 0xa3]), Buffer.from('"}')])),
      400,
      'request.not-utf8',
    );
  });

  it('reads gzip, deflate and br bodies, and refuses bodies that are not what their Content-Encoding says', async () => {
    const body = (name: string) => `{"name":"${name}"}`;
    for (const [encoding, pack] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      expect((await json(pack(body(`Team ${encoding}`)), { 'Content-Encoding': encoding })).status).toBe(201);
      expectProblem(await json(body('plain'), { 'Content-Encoding': encoding }), 400, 'request.encoding-invalid');
    }
    expectProblem(await json(body('x'), { 'Content-Encoding': 'compress' }), 415, 'request.encoding-unsupported');
  });

  it('refuses a NUL character, an unpaired surrogate or a __proto__ key anywhere in a body or query, naming the field', async () => {
    const nul = await json('{"name":"A\\u0000B"}');
    expectProblem(nul, 400, 'request.nul-character');
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    expectProblem(
      await raw('POST', '/auth/login', '{"username":"manager\\u0000","password":"x"}', {
        'Content-Type': 'application/json',
      }),
      400,
      'request.nul-character',
    );
    const deepNul = await json('{"rows":[{"queue":"presales_chat"},{"queue":"a\\u0000"}]}', {}, '/imports/volume');
    expect(deepNul.body.errors).toEqual([expect.objectContaining({ field: 'rows.1.queue' })]);
    expectProblem(await json('{"name":"\\ud800"}'), 400, 'request.unpaired-surrogate');
    expectProblem(await json('{"__proto__":{"admin":true},"name":"P"}'), 400, 'request.reserved-key');
    expectProblem(await raw('GET', '/imports?limit=%00', undefined), 400, 'request.nul-character');
  });

  it('refuses bodies of other types on JSON endpoints with 415, and takes files only where uploads are', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      expectProblem(await raw('POST', '/teams', 'name=A', { 'Content-Type': type }), 415, 'request.media-type');
    }
    expectProblem(await raw('POST', '/teams', '{"name":"A"}', {}), 415, 'request.media-type');
    const boundary = 'b0undary';
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nA\r\n--${boundary}--\r\n`;
    expectProblem(
      await raw('POST', '/teams', multipart, { 'Content-Type': `multipart/form-data; boundary=${boundary}` }),
      415,
      'request.media-type',
    );
    const upload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.csv"\r\nContent-Type: text/csv\r\n\r\nqueue,slotStart,slotMinutes,offered,handled,abandoned\npresales_chat,2026-01-05 10:00,30,1,1,0\n\r\n--${boundary}--\r\n`;
    expect(
      (await raw('POST', '/imports/volume', upload, { 'Content-Type': `multipart/form-data; boundary=${boundary}` }))
        .status,
    ).toBe(200);
    // Malformed forms: cut short, without a boundary, a file under another name.
    for (const [body, type] of [
      [upload.slice(0, 120), `multipart/form-data; boundary=${boundary}`],
      [upload, 'multipart/form-data'],
      [upload.replace('name="file"', 'name="document"'), `multipart/form-data; boundary=${boundary}`],
    ]) {
      const answer = await raw('POST', '/imports/volume', body, { 'Content-Type': type });
      expect({ status: answer.status >= 400 && answer.status < 500, type: answer.type }).toEqual({
        status: true,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
    }
  });

  it('answers malformed JSON, empty bodies and arrays where scalars belong with 400', async () => {
    expectProblem(await json('{"name":'), 400, 'request.json-invalid');
    expectProblem(await json('null'), 400, 'request.json-invalid');
    expectProblem(await json(Buffer.from('{"name":"A\u0000B"}')), 400, 'request.json-invalid');
    expect((await json('')).status).toBe(400);
    expect((await raw('GET', '/imports?limit=1&limit=2', undefined)).status).toBe(400);
    expect((await raw('GET', '/imports?limit[a]=1', undefined)).status).toBe(400);
  });
});
