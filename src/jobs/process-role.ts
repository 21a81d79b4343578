/** Which entry point this process is: processors start only in a worker, or in-process without Redis. */
export type ProcessRole = 'api' | 'worker' | 'cli';
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');
