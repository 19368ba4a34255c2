// Apollo projects → Switchboard projects (pure). See CONTEXT.md.
export { importApollo, type ApolloImport, type ImportOptions } from './import';
export { formatFinding, type ApolloFinding } from './findings';
export { memoryReader, type ApolloReader, type DirEntry, type ReadResult } from './reader';
export { scanModFolder, type ClientMod, type ModFolder, type ServerMod } from './mod-folder';
export { parseDeployJson, DEPLOY_FILE, type DeployModel } from './deploy-json';
export { parseModJson, type ModJson } from './mod-json';
export { BOOT_SCENARIO, DEFAULT_CLIENTS, DEFAULT_DURATION_MS, ID_RANGES, MAX_CLIENTS } from './generate';
