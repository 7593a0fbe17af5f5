import { allowedTransitions, canTransition, COMPLAINT_STATUSES, isReopen } from './complaint-status';

describe('complaint status', () => {
  it('follows open → in_progress → waiting_customer → resolved → closed, with reopen', () => {
    const legal = new Set([
      'open>in_progress',
      'in_progress>waiting_customer',
      'in_progress>resolved',
      'waiting_customer>in_progress',
      'waiting_customer>resolved',
      'resolved>closed',
      'resolved>open',
      'closed>open',
    ]);
    for (const from of COMPLAINT_STATUSES) {
      for (const to of COMPLAINT_STATUSES)
        expect([`${from}>${to}`, canTransition(from, to)]).toEqual([`${from}>${to}`, legal.has(`${from}>${to}`)]);
    }
  });

  it('lists the allowed next statuses and never the current one', () => {
    expect(allowedTransitions('open')).toEqual(['in_progress']);
    expect(allowedTransitions('closed')).toEqual(['open']);
    for (const s of COMPLAINT_STATUSES) expect(allowedTransitions(s)).not.toContain(s);
  });

  it('calls a move back to open a reopen only from resolved or closed', () => {
    expect(isReopen('resolved', 'open')).toBe(true);
    expect(isReopen('closed', 'open')).toBe(true);
    expect(isReopen('in_progress', 'open')).toBe(false);
  });
});
