/** The life of a complaint. Reopening sends a resolved or closed complaint back to open. */
export const COMPLAINT_STATUSES = ['open', 'in_progress', 'waiting_customer', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  open: ['in_progress'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function allowedTransitions(from: ComplaintStatus): readonly ComplaintStatus[] {
  return NEXT[from];
}

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT[from].includes(to);
}

/** A move back to open from resolved or closed. */
export const isReopen = (from: ComplaintStatus, to: ComplaintStatus) =>
  to === 'open' && (from === 'resolved' || from === 'closed');
