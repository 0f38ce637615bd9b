import type { Tx } from './db/database'
import type { PlatformDeps, RequestContext } from './deps'

/**
 * A module's answer to something another module did, run inside the same transaction so that the
 * change and its consequences commit together (a law change and the review tasks it causes).
 * The publisher does not know who listens: modules may only depend downwards, and the listener is
 * usually the module that depends on the publisher.
 */
export type EventHandler = (trx: Tx, deps: PlatformDeps, ctx: RequestContext, payload: unknown) => Promise<void>

export interface EventBus {
  publish(trx: Tx, deps: PlatformDeps, ctx: RequestContext, type: string, payload: unknown): Promise<void>
}

/** The bus over the handlers of the given modules, called in module order. */
export function createEventBus(modules: readonly { on?: Record<string, EventHandler> }[]): EventBus {
  return {
    async publish(trx, deps, ctx, type, payload) {
      for (const module of modules) {
        const handler = module.on?.[type]
        if (handler) await handler(trx, deps, ctx, payload)
      }
    },
  }
}
