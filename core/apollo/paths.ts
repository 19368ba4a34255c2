// POSIX relative paths for the import: mod folders are named relative to the Apollo folder and
// written relative to the project file, so a project travels with the code. Pure string work
// (core has no node:path); inputs are always forward-slash relative paths.

/** `a/./b/../c` → `a/c`; `''` and `.` → `.`; leading `..` segments are kept. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.length === 0 ? '.' : out.join('/');
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

/** A name deploy.json may use for a mod folder: one plain folder name inside the Apollo folder. */
export function isFolderName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && !/^[A-Za-z]:/.test(name);
}
