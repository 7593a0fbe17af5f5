import { SaxesParser } from 'saxes';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { count, FileProblem, megabytes } from './file-problem';

export type SharedStringLimits = {
  /** Distinct texts a workbook may hold. */
  maxCount: number;
  /** What they may take in memory, estimated as 48 bytes a string plus 2 a character. */
  maxMemoryBytes: number;
  /** A longer text is cut just past this: the cell check refuses it by length all the same. */
  maxLength: number;
};

/** A copy that does not keep the parser's whole chunk alive (V8 slices share their parent string). */
export const detached = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/**
 * The shared strings of a workbook (the texts cells refer to by index), which must be held while
 * the sheet is read: bounded in count and memory, and plain text (rich-text runs joined, phonetic
 * guides left out).
 */
export async function readSharedStrings(text: AsyncIterable<string>, limits: SharedStringLimits): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let memory = 0;
  let current = '';
  let inText = false;
  let phonetic = false;
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.on('opentag', (node) => {
    if (node.name === 'si') current = '';
    else if (node.name === 'rPh') phonetic = true;
    else if (node.name === 't') inText = !phonetic;
  });
  parser.on('text', (value) => {
    if (inText && current.length <= limits.maxLength) current += value;
  });
  parser.on('closetag', (node) => {
    if (node.name === 't') inText = false;
    else if (node.name === 'rPh') phonetic = false;
    else if (node.name === 'si') {
      const value = detached(current.length > limits.maxLength ? current.slice(0, limits.maxLength + 1) : current);
      memory += 48 + 2 * value.length;
      if (strings.length >= limits.maxCount)
        error ??= new FileProblem(IngestProblems.sharedStringsCount, { limit: count(limits.maxCount) });
      else if (memory > limits.maxMemoryBytes)
        error ??= new FileProblem(IngestProblems.sharedStringsMemory, { limit: megabytes(limits.maxMemoryBytes) });
      strings.push(value);
      current = '';
    }
  });
  for await (const chunk of text) {
    parser.write(chunk);
    if (error)
      throw error instanceof FileProblem
        ? error
        : new FileProblem(IngestProblems.sharedStringsInvalid, { reason: error.message });
  }
  return strings;
}
