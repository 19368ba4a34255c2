// JSON that keeps every digit of integers beyond 2^53 (uids, Python longs): parsed as `bigint`,
// written back as plain digits. Pure. The fast path is the platform's JSON.parse / JSON.stringify:
// a text with no integer literal of 16+ digits cannot hold an unsafe integer, and a value with no
// bigint stringifies natively, so normal traces pay one regex test per text.
export { parseJson, mayHoldUnsafeInteger } from './parse';
export { stringifyJson } from './stringify';
