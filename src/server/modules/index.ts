import { createEventBus } from '../platform/events'
import type { YiwangModule } from '../platform/module'
import { catalogModule } from './catalog'
import { entitiesModule } from './entities'
import { hotlineModule } from './hotline'
import { lawsModule } from './laws'
import { workflowModule } from './workflow'

/**
 * The domain modules of this build, in the order their routes are registered. A module is a
 * folder under src/server/modules whose index.ts exports a YiwangModule; add it here.
 */
export const modules: readonly YiwangModule[] = [lawsModule, catalogModule, workflowModule, hotlineModule, entitiesModule]

/** The event bus over every module's handlers: what PlatformDeps.events is everywhere. */
export const moduleEvents = createEventBus(modules)
