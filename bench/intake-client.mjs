/**
 * The load generator of `npm run bench:intake`, run in a worker thread so that it does not share
 * the server's event loop: keep-alive HTTP/1.1 connections, a fixed number of requests in flight,
 * and the latency of every request. Plain JavaScript: a worker thread does not get tsx's loader.
 * The job and result shapes are ClientJob and ClientResult in intake.bench.ts.
 */
import { Agent, request } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'

function send(agent, job, body) {
  return new Promise((resolve) => {
    const req = request({ agent, host: '127.0.0.1', port: job.port, path: job.path, method: 'POST', headers: { ...job.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
    req.end(body)
  })
}

async function run(job) {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency })
  const latencies = new Float64Array(job.count)
  const failures = {}
  let next = 0
  let acknowledged = 0
  const started = performance.now()
  const lane = async () => {
    while (next < job.count) {
      const i = next++
      const body = job.bodies[i % job.bodies.length].replace('{i}', String(job.offset + i))
      const t0 = performance.now()
      const status = await send(agent, job, body)
      latencies[i] = performance.now() - t0
      if (status === 200 || status === 201) acknowledged++
      else failures[status] = (failures[status] ?? 0) + 1
      if (i % 10_000 === 0) parentPort?.postMessage({ progress: i })
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, lane))
  agent.destroy()
  return { acknowledged, failed: job.count - acknowledged, failures, latenciesMs: latencies, wallMs: performance.now() - started }
}

if (parentPort && workerData) parentPort.postMessage({ done: await run(workerData) })
