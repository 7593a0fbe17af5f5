import { posix } from 'node:path';
import yauzl from 'yauzl';
import { FileProblem } from './file-problem';
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
      error || !zip ? reject(new FileProblem('The file is not an .xlsx workbook (it is not a zip archive)', 415)) : resolve(zip),
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
        if (entries.size > limits.maxEntries) return reject(new FileProblem(`The workbook has more than ${limits.maxEntries} parts`, 422));
        if (total > limits.maxUncompressedBytes) return reject(new FileProblem(`The workbook would unpack to more than ${Math.round(limits.maxUncompressedBytes / 2 ** 20)} MB`, 413));
        zip.readEntry();
      });
      zip.on('end', () => {
        if (!entries.has('xl/workbook.xml')) return reject(new FileProblem('The file is a zip archive but not an .xlsx workbook (no xl/workbook.xml)', 415));
        if (compressed > 0 && total / compressed > limits.maxRatio) return reject(new FileProblem(`The workbook is compressed ${Math.round(total / compressed)}:1, which looks like a zip bomb`, 422));
        resolve();
      });
      zip.on('error', () => reject(new FileProblem('The workbook is damaged', 422)));
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
    throw new FileProblem(`The workbook part ${entry.fileName} cannot be read: ${(e as Error).message}`, 422);
  }
  // One decoder per part, fed in order: a character cut by a chunk's end is joined, not mangled.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Buffer) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new FileProblem(`The workbook part ${entry.fileName} is not UTF-8 text`, 422);
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
    throw new FileProblem(lied ? `The workbook part ${entry.fileName} unpacks to more than its header declares (a zip bomb?)` : `The workbook is damaged: ${(e as Error).message}`, 422);
  } finally {
    stream.destroy();
  }
}

/** Where a relationship of xl/workbook.xml points (targets are relative to xl/, or absolute). */
export const partOfTarget = (target: string) => (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
