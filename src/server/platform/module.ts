import type { FastifyPluginAsync } from 'fastify'
import type { Migration } from 'kysely/migration'
import type { PlatformDeps } from './deps'
import type { EventHandler } from './events'

/**
 * What a domain module gives the platform: its name (also its PostgreSQL schema), its migrations
 * and its routes. Modules are listed in `src/server/modules/index.ts`; the platform knows them
 * only through this shape.
 */
export interface YiwangModule {
  name: string
  /** Named `YYYY-MM-DDTHH-MM_<module>_<what>`, frozen once landed. */
  migrations: Record<string, Migration>
  routes?: FastifyPluginAsync<{ deps: PlatformDeps }>
  /** Handlers of other modules' events, by event type (see platform/events.ts). */
  on?: Record<string, EventHandler>
  /** Run once when the app is built, before it serves: stores what the module's code defines as data (its workflow definitions). Must be idempotent. */
  start?: (deps: PlatformDeps) => Promise<void>
}
