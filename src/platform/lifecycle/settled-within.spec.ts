import { settledWithin } from './settled-within';

const pendingTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('settledWithin', () => {
  it('gives what the work settles to and leaves no timer behind', async () => {
    const before = pendingTimers();
    await expect(settledWithin(Promise.resolve('answered'), 60_000, () => 'late')).resolves.toBe('answered');
    expect(pendingTimers()).toBe(before);
  });

  it('passes the work’s rejection on and leaves no timer behind', async () => {
    const before = pendingTimers();
    await expect(settledWithin(Promise.reject(new Error('refused')), 60_000, () => 'late')).rejects.toThrow('refused');
    expect(pendingTimers()).toBe(before);
  });

  it('gives what `late` says when the work never settles', async () => {
    const never = new Promise<string>(() => undefined);
    await expect(settledWithin(never, 5, () => 'still waiting')).resolves.toBe('still waiting');
  });
});
