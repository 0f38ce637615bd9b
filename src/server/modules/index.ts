import type { YiwangModule } from '../platform/module'

/**
 * The domain modules of this build, in the order their routes are registered. A module is a
 * folder under src/server/modules whose index.ts exports a YiwangModule; add it here.
 */
export const modules: readonly YiwangModule[] = []
