// Events are sized with the trace codec the CLI and the recorder write with.
export { encodeEvent } from '../core/trace/ndjson';
