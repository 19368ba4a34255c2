// A validation worker that cannot start (its module fails to load).
throw new Error('this worker cannot load');
