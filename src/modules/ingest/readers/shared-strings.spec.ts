import { readSharedStrings } from './shared-strings';

async function* chunks(text: string, size = 7): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
const sst = (items: string[]) =>
  `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join('')}</sst>`;
const limits = { maxCount: 1000, maxMemoryBytes: 2 ** 20, maxLength: 50 };

describe('readSharedStrings', () => {
  it('reads plain and rich texts, entities decoded, phonetic guides left out', async () => {
    const text = sst([
      '<si><t>客服 A&amp;B</t></si>',
      '<si><r><rPr><b/></rPr><t>售</t></r><r><t xml:space="preserve">前 </t></r></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>',
      '<si><t/></si>',
    ]);
    expect(await readSharedStrings(chunks(text), limits)).toEqual(['客服 A&B', '售前 ', '漢字', '']);
  });

  it('cuts a text just past the cell limit, so the cell is refused by its length and never held whole', async () => {
    const [long] = await readSharedStrings(chunks(sst([`<si><t>${'x'.repeat(5000)}</t></si>`]), 100), limits);
    expect(long).toHaveLength(51);
  });

  it('refuses more texts than a workbook may hold, or more than their memory budget', async () => {
    const many = sst(Array.from({ length: 1001 }, (_, i) => `<si><t>${i}</t></si>`));
    await expect(readSharedStrings(chunks(many, 4096), limits)).rejects.toMatchObject({
      status: 413,
      message: 'The workbook holds more than 1,000 distinct texts; save it as CSV UTF-8 instead',
    });
    const heavy = sst(Array.from({ length: 900 }, () => `<si><t>${'y'.repeat(50)}</t></si>`));
    await expect(
      readSharedStrings(chunks(heavy, 4096), { ...limits, maxMemoryBytes: 64 * 1024 }),
    ).rejects.toMatchObject({
      status: 413,
      message: "The workbook's texts need more than 0 MB of memory; save it as CSV UTF-8 instead",
    });
  });

  it('refuses what is not XML', async () => {
    await expect(readSharedStrings(chunks('<sst><si><t>a</si></sst>'), limits)).rejects.toMatchObject({ status: 422 });
  });
});
