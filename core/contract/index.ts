// The one typed contract between UI and host (see CONTEXT.md in src-main/ and src-renderer/).
export * from './methods';
export * from './values';
export * from './requests';
export * from './pushes';
export * from './wire';
