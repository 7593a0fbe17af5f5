import type { Role } from 'src/platform/auth/roles';

/** Who draws samples, scores sessions and edits rubrics. */
export const QC_WORKERS: Role[] = ['admin', 'qc', 'manager'];
/** Who reads reviews: agents their own, supervisors their teams', the rest the shop. */
export const REVIEW_READERS: Role[] = ['admin', 'qc', 'manager', 'supervisor', 'agent'];
/** Transcripts hold customer words: only QC, supervisors (their teams) and managers read them. */
export const TRANSCRIPT_READERS: Role[] = ['admin', 'qc', 'manager', 'supervisor'];
export const SUMMARY_READERS: Role[] = ['admin', 'qc', 'manager', 'supervisor'];
export const SETTINGS_WRITERS: Role[] = ['admin', 'manager'];
/** Only inspectors score sessions. */
export const QC_REVIEWERS: Role[] = ['admin', 'qc'];
export const COACHING_READERS: Role[] = ['admin', 'qc', 'manager', 'supervisor', 'agent'];
