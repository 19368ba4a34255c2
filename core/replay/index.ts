// core/replay: the pure, UI-free core of replay (issue 5). See CONTEXT.md.
export * from './source';
export * from './state';
export * from './columns';
export * from './replay-index';
export * from './playhead';
export * from './navigation';
export * from './breakpoints';
export * from './rpc-calls';
export * from './topology';
export * from './sequence';
export * from './mermaid';
export * from './svg';
export * from './chrome-trace';
export * from './otlp';
export * from './load';
