// The part of autocannon's programmatic API the API load bench uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    /** requests in all; when given, autocannon stops after them */
    amount?: number;
    /** seconds */
    duration?: number;
    /** seconds before a request counts as timed out */
    timeout?: number;
    headers?: Record<string, string>;
  }

  /** milliseconds */
  interface Latency {
    p50: number;
    p90: number;
    p99: number;
    average: number;
    max: number;
  }

  interface Result {
    latency: Latency;
    requests: { average: number; total: number };
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
    /** seconds */
    duration: number;
  }

  interface Instance extends PromiseLike<Result> {
    stop(): void;
  }

  function autocannon(opts: Options): Instance;
  export = autocannon;
}
