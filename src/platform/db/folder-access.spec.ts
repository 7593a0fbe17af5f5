import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainAccessDenied, folderClosedTo } from './folder-access';

describe('folder access of the embedded database user', () => {
  let root: string;
  let inner: string;
  // Someone who owns none of these folders and is in none of their groups.
  const stranger = { uid: 54_321, gid: 54_321 };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wfm-folder-access-'));
    inner = join(root, 'checkout', 'node_modules');
    mkdirSync(inner, { recursive: true, mode: 0o755 });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names the private folder on the way (mktemp -d makes 0700) and nothing once others may enter it', () => {
    chmodSync(root, 0o700);
    expect(folderClosedTo(inner, stranger)).toBe(root);
    chmodSync(root, 0o711);
    expect(folderClosedTo(inner, stranger)).toBeNull();
  });

  it('lets the folder owner through a folder closed to everyone else', () => {
    chmodSync(root, 0o700);
    const { uid, gid } = statSync(root);
    expect(folderClosedTo(inner, { uid, gid })).toBeNull();
    expect(folderClosedTo(inner, { uid: stranger.uid, gid })).toBe(root);
    chmodSync(root, 0o750);
    expect(folderClosedTo(inner, { uid: stranger.uid, gid })).toBeNull();
  });

  it('turns a bare EACCES into an error naming the folder in English and Chinese, and leaves others as they were', () => {
    chmodSync(root, 0o700);
    const denied = Object.assign(new Error('spawnSync initdb EACCES'), { code: 'EACCES' });
    const explained = explainAccessDenied(denied, [inner], stranger) as Error;
    expect(explained.message).toContain(`cannot enter ${root}`);
    expect(explained.message).toContain(`chmod o+x ${root}`);
    expect(explained.message).toContain(`无法进入 ${root}`);
    expect(explained.message).toContain('DATABASE_URL');
    expect(explained.cause).toBe(denied);
    const other = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(explainAccessDenied(other, [inner], stranger)).toBe(other);
    chmodSync(root, 0o755);
    expect(explainAccessDenied(denied, [inner], stranger)).toBe(denied);
  });
});
