import { z } from 'zod';
import { ComplaintIntakeBody, COMPLAINT_REQUIRED_COLUMNS } from 'src/modules/complaints/complaint.dto';
import { importKinds } from 'src/modules/ingest/kinds';
import { isBlank, keysOfRows, missingColumnsError, missingOf, requiredKeys } from './required-columns';

const ctx = {
  timeZone: 'Asia/Shanghai',
  earliest: new Date('2000-01-01T00:00:00Z'),
  latest: new Date('2100-01-01T00:00:00Z'),
};

describe('required columns', () => {
  it('takes a column as required when the schema refuses a row without it', () => {
    const shape = {
      a: z.string(),
      b: z.string().optional(),
      c: z.number().default(1),
      d: z.preprocess((v) => v, z.number()),
    };
    expect(requiredKeys(shape)).toEqual(['a', 'd']);
    expect(COMPLAINT_REQUIRED_COLUMNS).toEqual(['channel', 'customerKey', 'category']);
    expect(requiredKeys(ComplaintIntakeBody.shape)).toEqual(COMPLAINT_REQUIRED_COLUMNS);
  });

  it.each(Object.keys(importKinds))('marks exactly the columns the %s schema needs as required', (kind) => {
    const { columns, rowSchema } = importKinds[kind as keyof typeof importKinds];
    const schema = rowSchema(ctx) as unknown as z.ZodObject;
    expect(columns.filter((c) => c.required).map((c) => c.key)).toEqual(requiredKeys(schema.shape));
  });

  it("reads a JSON file's columns from every row's keys and lists the missing in order", () => {
    const present = keysOfRows([{ a: 1 }, { b: null }, null, { c: '' }]);
    expect([...present]).toEqual(['a', 'b', 'c']);
    expect(missingOf(present, ['c', 'x', 'a', 'y'])).toEqual(['x', 'y']);
  });

  it('names each missing column in the refusal', () => {
    const error = missingColumnsError(['queue', 'offered']);
    expect(error).toMatchObject({ status: 422, code: 'ingest.missing-columns' });
    expect(error.errors?.map((e) => e.field)).toEqual(['queue', 'offered']);
    expect(error.detailIn('en')).toBe('Missing required column(s): queue, offered');
    expect(error.detailIn('zh')).toBe('缺少必填列：queue、offered');
  });

  it('counts absent, null and blank text as blank, nothing else', () => {
    expect([undefined, null, '', '  '].every(isBlank)).toBe(true);
    expect([0, false, 'x'].some(isBlank)).toBe(false);
  });
});
