import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface UnixUser {
  uid: number;
  gid: number;
}

/**
 * The first folder on the way to `path` (itself included) that `user` may not enter: no search
 * permission for it as owner, group or anyone (supplementary groups are not looked at); null when
 * every folder lets it through.
 */
export function folderClosedTo(path: string, user: UnixUser): string | null {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const { mode, uid, gid } = statSync(folder);
    const search = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if ((mode & search) === 0) return folder;
  }
  return null;
}

/**
 * As root the embedded PostgreSQL runs as the unprivileged `postgres` user, which a private folder
 * above the checkout (a 0700 home or `mktemp -d`) stops with a bare EACCES. That error is replaced
 * by one naming the folder and what to do, in English and Chinese; any other error is returned as
 * it was.
 */
export function explainAccessDenied(error: unknown, folders: readonly string[], user: UnixUser): unknown {
  if ((error as { code?: unknown } | null)?.code !== 'EACCES') return error;
  const closed = folders.map((folder) => folderClosedTo(folder, user)).find((folder) => folder !== null);
  if (!closed) return error;
  return new Error(
    `The embedded PostgreSQL runs as the user "postgres" (the server runs as root) and cannot enter ${closed}: ` +
      `let other users enter it (chmod o+x ${closed}) or set DATABASE_URL to a PostgreSQL of your own. ` +
      `内置 PostgreSQL 以 postgres 用户运行(服务器以 root 运行),无法进入 ${closed}:` +
      `请允许其他用户进入该文件夹(chmod o+x ${closed}),或设置 DATABASE_URL 使用您自己的 PostgreSQL。`,
    { cause: error },
  );
}
