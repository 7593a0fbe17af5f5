import type { z } from 'zod';
import type { Actor } from 'src/platform/auth/actor';
import type { Role } from 'src/platform/auth/roles';
import type { ExportLanguage, ExportWorkbook } from './workbook/export-sheet';

/**
 * One kind of export: who may ask for it, what it takes, and how its workbook is built from the
 * owning module's service (scoped as the requester would see the same data in the API).
 */
export interface ExportBuilder<P = Record<string, unknown>> {
  /** Its description in both languages is `ExportKindLabels[kind]`. */
  kind: string;
  roles: Role[];
  params: z.ZodType<P>;
  /** File `templates/export-<template>.xlsx` supplies the look. */
  template: string;
  /** Throws (404, 409) before anything is queued when what the export names cannot be read. */
  precheck?(actor: Actor, params: P): Promise<void>;
  build(actor: Actor, params: P, lang: ExportLanguage): Promise<ExportWorkbook>;
}

export const EXPORT_BUILDERS = Symbol('EXPORT_BUILDERS');
