// What the merge tells the user about its input: each issue names a file and a line (1-based) of
// a recording, so nothing it skipped, guessed or could not match goes unmentioned.

export type IssueKind =
  | 'bad-line' // not JSON, not an object, a required key missing: the line is skipped
  | 'truncated' // the file ends inside a line (a server stopped mid-write): the part is skipped
  | 'no-header' // an event line before any header line: skipped
  | 'duplicate' // a seq already seen in that segment: the later copy is skipped
  | 'seq-gap' // lines missing inside a segment (lost lines)
  | 'seq-start' // a segment's first lines are not in the given files (rotated out)
  | 'unmatched-send' // a message a recorded, listening server never handled
  | 'unmatched-handle' // a handled message whose send is not in the recordings
  | 'unmatched-rpc' // an RPC line whose request, handle, response or callback is missing
  | 'inconsistent' // lines that contradict each other (a key naming the wrong line, a clock that went back)
  | 'unordered' // a line that could not be placed after its cause (clocks too far apart)
  | 'stopped'; // a recorder stopped itself (its `stop` line)

export interface MergeIssue {
  kind: IssueKind;
  /** File name as given to the merge. */
  file: string;
  /** 1-based line number in that file. */
  line: number;
  message: string;
}

/** Issues beyond this many are only counted (a broken directory must not fill memory). */
export const MAX_ISSUES = 5000;

export class IssueList {
  readonly items: MergeIssue[] = [];
  readonly counts = new Map<IssueKind, number>();
  total = 0;

  add(kind: IssueKind, file: string, line: number, message: string): void {
    this.total++;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    if (this.items.length < MAX_ISSUES) this.items.push({ kind, file, line, message });
  }

  /** By file name, then line: the same input in any file order gives the same list. */
  sorted(): MergeIssue[] {
    return [...this.items].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)));
  }
}
