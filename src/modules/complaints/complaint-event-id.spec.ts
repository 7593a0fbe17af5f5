import { complaintEventId } from './complaint-event-id';

describe('complaintEventId', () => {
  it('is a version-7 UUID', () => {
    expect(complaintEventId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts in the order made, also within one millisecond and when the clock steps back', () => {
    const made = [
      ...Array.from({ length: 5000 }, () => complaintEventId(1_800_000_000_000)),
      complaintEventId(1_700_000_000_000),
      complaintEventId(1_800_000_000_100),
    ];
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});
