// The simulated Redis and MySQL behind apolloCommon.redisPool / mysqlPool (see CONTEXT.md).
export { SimulatedStorage, storageForRun, DEFAULT_STORAGE_OPTIONS, type StorageOptions, type StoreName } from './storage';
export { describeError, type StorageError, type StorageResult } from './result';
export { RedisStore } from './redis/store';
export { MysqlStore } from './mysql/store';
