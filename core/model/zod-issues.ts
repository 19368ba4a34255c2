// zod's issues as validation issues: the JSON path as segments and a message that names the field
// and what was found, e.g. `missing required field "serverId" (expected an integer)`.
import type { z } from 'zod';
import { describeValue, type PathIssue } from './issues';

type ZodIssue = z.core.$ZodIssue;
type Segment = string | number;

const OWN = Object.prototype.hasOwnProperty;

/** The value at `path` inside `root`, and whether the last key was written at all. */
function lookup(root: unknown, path: readonly Segment[]): { present: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null || !OWN.call(cur, seg)) return { present: false, value: undefined };
    cur = (cur as Record<Segment, unknown>)[seg];
  }
  return { present: true, value: cur };
}

function expected(type: string): string {
  if (type === 'int') return 'an integer';
  if (type === 'object' || type === 'array') return `an ${type}`;
  return `a ${type}`;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => describeValue(v)).join(', ');
}

function message(issue: ZodIssue, input: unknown, path: readonly Segment[]): string {
  const { present, value } = lookup(input, path);
  const field = path.length > 0 ? `"${String(path[path.length - 1])}"` : 'the project';
  const got = present ? `, got ${describeValue(value)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (!present && path.length > 0) return `missing required field ${field} (expected ${expected(issue.expected)})`;
      return `${field} must be ${expected(issue.expected)}${got}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${field} must be ${describeValue(issue.values[0])}${got}`
        : `${field} must be one of ${list(issue.values)}${got}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length > 0) {
        return present ? `${field} must be one of ${list(options)}${got}` : `missing required field ${field} (one of ${list(options)})`;
      }
      return `${field} does not match any allowed shape${got}`;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive === false ? 'greater than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
      if (issue.origin === 'string') return `${field} must have ${op} ${String(bound)} character(s)${got}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} must have ${op} ${String(bound)} item(s)`;
      return `${field} must be ${op} ${String(bound)}${got}`;
    }
    case 'invalid_format':
      return `${field} ${issue.message.replace(/^Invalid string: /, '')}${got}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** One PathIssue per zod issue; `input` is the value zod was given (to say what was found). */
export function fromZodIssues(issues: readonly ZodIssue[], input: unknown): PathIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((s) => (typeof s === 'number' ? s : String(s)));
    return { path, code: `schema.${issue.code}`, message: message(issue, input, path) };
  });
}
