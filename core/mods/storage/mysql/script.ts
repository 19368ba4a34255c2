// Splits an SQL script (a mod's mod.sql) into statements at ';' outside strings, identifiers and
// comments, keeping each statement's text for error messages.

export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i];
    if (c === "'" || c === '"' || c === '`') {
      i++;
      while (i < n && script[i] !== c) i += script[i] === '\\' && c !== '`' ? 2 : 1;
      i++;
    } else if (c === '#' || (c === '-' && script[i + 1] === '-' && (i + 2 >= n || /\s/.test(script[i + 2])))) {
      while (i < n && script[i] !== '\n') i++;
    } else if (c === '/' && script[i + 1] === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === ';') {
      out.push(script.slice(start, i));
      start = ++i;
    } else i++;
  }
  out.push(script.slice(start));
  return out.filter((s) => !isBlank(s));
}

/** True when a piece holds nothing but whitespace and comments. */
function isBlank(s: string): boolean {
  return s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\n)\s*(#|--(\s|$))[^\n]*/g, '\n').trim() === '';
}
