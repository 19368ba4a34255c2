// Exit codes, as issue item 8 fixes them: 0 success, 1 invalid input (a bad project file, an
// unknown scenario, an unreadable file), 2 bad usage (unknown command or option, a malformed value).
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
/** `switchboard check`: the run has problems (they are listed). */
export const EXIT_PROBLEMS = 3;

/** A failure a command reports with one message and an exit code (no stack trace for users). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
