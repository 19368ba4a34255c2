// Merging per-server recordings (recorder/FORMAT.md) into one Switchboard trace. See CONTEXT.md.
export { analyze, type Analysis, type RpcOutcome, type SendFate } from './analyze';
export { alignClocks, type ClockConstraint, type ClockResult } from './clock';
export { TraceEmitter } from './emit';
export { RecordingIndexer, MergeLimitError, type IndexerOptions, type Part } from './indexer';
export { IssueList, MAX_ISSUES, type IssueKind, type MergeIssue } from './issues';
export { LineSplitter } from './lines';
export { isInferred, mergedHeader, mergeTexts, pushLastLine, type MergeResult } from './merge';
export { CORR_KEY, RECORDING_FORMAT, RECORDING_VERSION, parseRecordingLine, type RecordLine, type RecordingHeader } from './recording';
export { buildReport, formatReport, isoUtc, type MergeReport } from './report';
