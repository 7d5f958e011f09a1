/** autocannon as a library, with every latency kept (full precision) and unexpected statuses counted as errors. */

import autocannon from 'autocannon';
import { cpuMeter, sampleRss } from './proc-stats.js';
import { roundSummary, summarize, type Summary } from './stats.js';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** The status every response must have; anything else is an error. */
  expectStatus: number;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  latencyMs: Summary;
  errors: number;
  errorDetail: Record<string, number>;
  cpuMsPerRequest: number;
  serverRssMb: number;
}

function once(spec: LoadSpec, seconds: number, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        method: spec.method ?? 'GET',
        headers: spec.headers,
        body: spec.body,
        connections: spec.connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
      },
      (err, result) => (err ? reject(err as Error) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

/** Warms up, then measures for `seconds`, reading the server's CPU time and RSS around the measured part. */
export async function load(spec: LoadSpec, serverPid: number, warmSeconds: number, seconds: number): Promise<LoadResult> {
  if (warmSeconds > 0) await once(spec, warmSeconds);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  const cpu = cpuMeter(serverPid);
  const rss = sampleRss(serverPid, 200);
  const result = await once(spec, seconds, (status, ms) => {
    latencies.push(ms);
    if (status !== spec.expectStatus) {
      unexpected++;
      statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
    }
  });
  const cpuMs = cpu.stop();
  const rssMb = rss.stop();
  const requests = latencies.length;
  const errorDetail: Record<string, number> = { ...statuses };
  if (result.errors) errorDetail.connection = result.errors;
  if (result.timeouts) errorDetail.timeout = result.timeouts;
  return {
    connections: spec.connections,
    durationS: result.duration,
    requests,
    rps: requests / result.duration,
    latencyMs: roundSummary(summarize(latencies), 3),
    errors: unexpected + result.errors + result.timeouts,
    errorDetail,
    cpuMsPerRequest: requests > 0 ? cpuMs / requests : Number.NaN,
    serverRssMb: rssMb,
  };
}
