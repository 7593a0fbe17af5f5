import { AppError } from './problem';
import { conflict } from './common-problems';

describe('AppError', () => {
  it('keeps a record’s state in its own field: an extra field may never pose as a problem member', () => {
    expect(() => conflict('The roster is running', { status: 'running' })).toThrow(
      'extra field "status" would replace a problem member',
    );
    expect(() => new AppError('conflict', 'x', undefined, { type: 'y' })).toThrow(/extra field "type"/);
    const refused = conflict('The roster is running', { state: 'running' });
    expect(refused.status).toBe(409);
    expect(refused.extra).toEqual({ state: 'running' });
  });
});
