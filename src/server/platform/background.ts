/**
 * Runs `work` every `intervalMs` in this process until stopped: a round that is still running
 * when the next is due is not doubled, and a failed round is reported and the next one tries
 * again. The timer does not keep the process alive.
 */
export function repeatEvery(intervalMs: number, work: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false
  const handle = setInterval(() => {
    if (running) return
    running = true
    work()
      .catch(onError)
      .finally(() => (running = false))
  }, intervalMs)
  handle.unref()
  return () => clearInterval(handle)
}
