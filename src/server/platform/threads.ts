import { Worker, type WorkerOptions } from 'node:worker_threads'

// Resolved here, as an ES module: the worker's own code runs from no file to resolve it from.
const tsxApi = import.meta.resolve('tsx/esm/api')

/**
 * A worker thread running a TypeScript module. Node does not hand a worker its parent's module
 * loader, so the worker registers tsx itself before importing the module.
 */
export function typeScriptWorker(module: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const code = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(code, { ...options, eval: true })
}
