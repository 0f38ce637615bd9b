import type { YiwangModule } from '../../platform/module'
import * as createRegistry from './migrations/2026-11-28T16-00_entities_create-registry'

export { ATTRIBUTES, attributeOf, type AttributeDef, type AttributeKey, type AttributeType, type PeriodicKey } from './attributes'
export { columnKey, ColumnsBuilder, columnsOf, dayNumber, entityRow, memberBits, type EntityFacts, type EntityRow, type RegistryColumns } from './columns'
export { parseEntities, readImportTable, type ImportProblem, type NewEntity } from './import'

/** The market-entity registry that policy matching, supervision and applications share. */
export const entitiesModule: YiwangModule = {
  name: 'entities',
  migrations: { '2026-11-28T16-00_entities_create-registry': createRegistry },
}
