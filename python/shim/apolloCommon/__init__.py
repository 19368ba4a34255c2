# -*- coding: utf-8 -*-
# apolloCommon: commonNetgameApi, workerPool and mongoPool live here (python/shim); redisPool and
# mysqlPool are the storage fakes (core/mods/storage/ answers their `Storage` posts).
