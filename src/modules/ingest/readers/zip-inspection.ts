import yauzl from 'yauzl';
import { FileProblem } from './file-problem';

export type ZipLimits = { maxUncompressedBytes: number; maxRatio: number; maxEntries: number };

/**
 * Reads only the zip's central directory (nothing is inflated) to refuse what is not a workbook
 * and what would inflate far beyond its size (a zip bomb) before any parser touches it.
 */
export function inspectWorkbookZip(path: string, limits: ZipLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(new FileProblem('The file is not an .xlsx workbook (it is not a zip archive)', 415));
      let total = 0;
      let compressed = 0;
      let entries = 0;
      let hasWorkbook = false;
      const fail = (problem: FileProblem) => {
        zip.close();
        reject(problem);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        total += entry.uncompressedSize;
        compressed += entry.compressedSize;
        if (entry.fileName === 'xl/workbook.xml') hasWorkbook = true;
        if (entries > limits.maxEntries) return fail(new FileProblem(`The workbook has more than ${limits.maxEntries} parts`, 422));
        if (total > limits.maxUncompressedBytes) return fail(new FileProblem(`The workbook would unpack to more than ${Math.round(limits.maxUncompressedBytes / 2 ** 20)} MB`, 413));
        zip.readEntry();
      });
      zip.on('end', () => {
        if (!hasWorkbook) return reject(new FileProblem('The file is a zip archive but not an .xlsx workbook (no xl/workbook.xml)', 415));
        if (compressed > 0 && total / compressed > limits.maxRatio) return reject(new FileProblem(`The workbook is compressed ${Math.round(total / compressed)}:1, which looks like a zip bomb`, 422));
        resolve();
      });
      zip.on('error', () => reject(new FileProblem('The workbook is damaged', 422)));
      zip.readEntry();
    });
  });
}
