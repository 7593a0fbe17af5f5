import { z } from 'zod';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({ description: 'Page size (1–500)', example: 50 }),
  offset: z.coerce.number().int().min(0).default(0).meta({ description: 'Rows to skip', example: 0 }),
};

export type PageRequest = { limit: number; offset: number };
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export const pageExample = <T>(item: T) => ({ items: [item], total: 1, limit: 50, offset: 0 });
