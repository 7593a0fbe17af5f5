import type { Text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import { CommonProblems } from './common-problems';
import type { AppError } from './problem';

/**
 * Refusals the framework words in English before any code of ours runs: the router's "Cannot GET
 * /x" and the upload parser's (multer, busboy) limits. Matched by their fixed wording
 * (`@nestjs/platform-express` multer.constants), told in both languages; the field a parser names
 * is kept. An unknown wording keeps the class title in both languages, never English alone.
 */
const uploadTexts = defineTexts('common.upload', {
  tooManyParts: { en: 'the upload has too many parts', zh: '上传内容的部分过多' },
  fileTooLarge: { en: 'the file is larger than this upload allows', zh: '文件超过此上传允许的大小' },
  tooManyFiles: { en: 'send exactly one file, in the field `file`', zh: '请只发送一个文件，字段名为 `file`' },
  fieldNameTooLong: { en: 'a field name is too long', zh: '字段名过长' },
  fieldValueTooLong: { en: 'a field value is too long', zh: '字段值过长' },
  tooManyFields: { en: 'the upload has too many fields', zh: '上传内容的字段过多' },
  unexpectedFile: { en: 'send the file in the field `file`', zh: '请用字段 `file` 发送文件' },
  fieldNameMissing: { en: 'a part of the upload has no field name', zh: '上传内容的某一部分没有字段名' },
  invalidFieldName: { en: 'a field name of the upload is not valid', zh: '上传内容的字段名无效' },
  malformed: {
    en: 'the upload is not a well-formed `multipart/form-data` body',
    zh: '上传内容不是格式正确的 `multipart/form-data`',
  },
});

const UPLOAD_WORDING: [RegExp, Text][] = [
  [/^Too many parts/, uploadTexts.tooManyParts],
  [/^File too large/, uploadTexts.fileTooLarge],
  [/^Too many files/, uploadTexts.tooManyFiles],
  [/^Field name too long/, uploadTexts.fieldNameTooLong],
  [/^Field value too long/, uploadTexts.fieldValueTooLong],
  [/^Too many fields/, uploadTexts.tooManyFields],
  [/^Unexpected (file )?field/, uploadTexts.unexpectedFile],
  [/^Field name missing/, uploadTexts.fieldNameMissing],
  [/^(Invalid field name|Field name nesting too deep|Field name array index too large)/, uploadTexts.invalidFieldName],
  [/^Multipart: /, uploadTexts.malformed],
];

/** The framework's English refusal in both languages; undefined when its wording is not one of these. */
export function frameworkRefusal(status: number, message: string): AppError | undefined {
  const route = status === 404 ? /^Cannot ([A-Z]+) (\S+)$/.exec(message) : null;
  if (route) return CommonProblems.noEndpoint({ method: route[1], path: route[2].split('?')[0] });
  if (status !== 400 && status !== 413) return undefined;
  const found = UPLOAD_WORDING.find(([wording]) => wording.test(message));
  if (!found) return undefined;
  const field = / - (.+)$/.exec(message)?.[1];
  const reason = found[1];
  const errors = field ? [{ field, message: reason, in: 'body' as const }] : undefined;
  return (status === 413 ? CommonProblems.uploadTooLarge : CommonProblems.uploadRefused)({ reason }, { errors });
}
