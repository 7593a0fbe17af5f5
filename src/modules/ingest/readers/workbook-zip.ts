import { posix } from 'node:path';
import yauzl from 'yauzl';
import { IngestProblems } from 'src/modules/ingest/ingest.problems';
import { count, FileProblem, megabytes } from './file-problem';
import { PartRules, UnpackedBudget, XmlPartGuard } from './xml-part-guard';

export type ZipLimits = { maxUncompressedBytes: number; maxRatio: number; maxEntries: number };

/** A workbook's zip, its central directory read; parts are inflated only when asked for. */
export type WorkbookZip = {
  has: (name: string) => boolean;
  /** The part's text, checked by its rules as it unpacks (a sheet's text stops at its data's end). */
  part: (name: string, rules: PartRules, budget: UnpackedBudget) => AsyncGenerator<string>;
  close: () => void;
};

const open = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    // validateEntrySizes: a part that inflates past the size its header declares is an error.
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(new FileProblem(IngestProblems.notZip, { format: '.xlsx' })) : resolve(zip),
    ),
  );

/**
 * Reads the zip's central directory (nothing is inflated yet) and refuses what is not a workbook
 * and what declares it would inflate far beyond its size (an honest zip bomb). Headers that lie
 * are caught while the parts unpack: every byte out of the inflater is counted.
 */
export async function openWorkbookZip(path: string, limits: ZipLimits): Promise<WorkbookZip> {
  const zip = await open(path);
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      let total = 0;
      let compressed = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        total += entry.uncompressedSize;
        compressed += entry.compressedSize;
        if (entries.size > limits.maxEntries)
          return reject(new FileProblem(IngestProblems.tooManyParts, { limit: count(limits.maxEntries) }));
        if (total > limits.maxUncompressedBytes)
          return reject(
            new FileProblem(IngestProblems.wouldUnpackTo, { limit: megabytes(limits.maxUncompressedBytes) }),
          );
        zip.readEntry();
      });
      zip.on('end', () => {
        if (!entries.has('xl/workbook.xml'))
          return reject(new FileProblem(IngestProblems.notWorkbook, { format: '.xlsx', part: 'xl/workbook.xml' }));
        if (compressed > 0 && total / compressed > limits.maxRatio)
          return reject(new FileProblem(IngestProblems.compressionRatio, { ratio: Math.round(total / compressed) }));
        resolve();
      });
      zip.on('error', (e: Error) => reject(new FileProblem(IngestProblems.damaged, { reason: e.message })));
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw e;
  }
  return {
    has: (name) => entries.has(name),
    part: (name, rules, budget) => partText(zip, entries.get(name)!, new XmlPartGuard(name, rules, budget)),
    close: () => zip.close(),
  };
}

async function* partText(zip: yauzl.ZipFile, entry: yauzl.Entry, guard: XmlPartGuard): AsyncGenerator<string> {
  let stream: NodeJS.ReadableStream & { destroy: () => void };
  try {
    stream = (await zip.openReadStreamPromise(entry)) as typeof stream;
  } catch (e) {
    throw new FileProblem(IngestProblems.damaged, { reason: `${entry.fileName}: ${(e as Error).message}` });
  }
  // One decoder per part, fed in order: a character cut by a chunk's end is joined, not mangled.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Buffer) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new FileProblem(IngestProblems.partNotUtf8, { part: entry.fileName });
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decode(guard.check(chunk));
      if (text) yield text;
      if (guard.finished) return;
    }
    const rest = decode();
    if (rest) yield rest;
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    const lied = /too many bytes/.test((e as Error).message);
    throw lied
      ? new FileProblem(IngestProblems.partLies, { part: entry.fileName })
      : new FileProblem(IngestProblems.damaged, { reason: (e as Error).message });
  } finally {
    stream.destroy();
  }
}

/** Where a relationship of xl/workbook.xml points (targets are relative to xl/, or absolute). */
export const partOfTarget = (target: string) =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
