import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { referencedTable, tableNoun, tableNouns, uniqueKeyOf, uniqueKeyWords } from './record-words';
import * as schema from './schema';

const tables = (Object.values(schema) as unknown[]).flatMap((t) => (t instanceof PgTable ? [getTableConfig(t)] : []));

/** What a reader could meet in a duplicate refusal: unique indexes, unique columns, composite primary keys. */
const uniqueKeys = tables.flatMap((c) => [
  ...c.indexes.filter((i) => i.config.unique).map((i) => i.config.name!),
  ...c.columns.filter((col) => col.isUnique).map((col) => col.uniqueName!),
  ...c.uniqueConstraints.map((u) => u.getName()),
  ...c.primaryKeys.map((p) => p.getName()),
]);

describe('record words: every table and unique key has its words in both languages', () => {
  it('names every table of the schema, and no table that is not in it', () => {
    const names = tables.map((c) => c.name).sort();
    expect(Object.keys(tableNouns).sort()).toEqual(names);
  });

  it('words every unique key of the schema, and no key that is not in it', () => {
    expect(Object.keys(uniqueKeyWords).sort()).toEqual([...uniqueKeys].sort());
  });

  it('says each in plain words: both languages, no identifier spelling', () => {
    for (const words of [...Object.values(tableNouns), ...Object.values(uniqueKeyWords)]) {
      expect(words.en).toMatch(/^[A-Za-z][A-Za-z ,'-]*$/);
      expect(words.zh).toMatch(/^[\u3400-\u9fffA-Z、]+$/);
    }
  });

  it('finds the table every foreign key points to', () => {
    for (const c of tables)
      for (const fk of c.foreignKeys)
        expect(referencedTable(fk.getName())).toBe(getTableConfig(fk.reference().foreignTable).name);
    expect(tableNoun(referencedTable('agents_team_id_teams_id_fk'))).toEqual({ en: 'team', zh: '团队' });
  });

  it('falls back to plain words for what it does not know, never to the name', () => {
    expect(tableNoun('no_such_table')).toEqual({ en: 'record', zh: '记录' });
    expect(tableNoun(undefined)).toEqual({ en: 'record', zh: '记录' });
    expect(uniqueKeyOf('no_such_index')).toEqual({ en: 'key', zh: '键值' });
    expect(uniqueKeyOf('teams_pkey')).toEqual({ en: 'identifier', zh: '标识' });
    expect(referencedTable(undefined)).toBeUndefined();
  });
});
