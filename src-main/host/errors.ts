// The one error type handlers throw; dispatch turns it into a contract error reply.
import type { ContractError, ErrorCode, Issue } from '../../core/contract';

export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'HostError';
  }

  toContract(): ContractError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
