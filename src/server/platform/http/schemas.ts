import { Type, type TSchema } from 'typebox'

/** A value or null: optional data in an answer (JSON has no undefined). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** The error answer every route may give, for the OpenAPI description. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      id: Type.String({ description: 'stable error id, e.g. region_not_found' }),
      zh: Type.String(),
      en: Type.String(),
      field: Type.Optional(Type.String()),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'Error' },
)

const errorRef = Type.Ref('Error')

/** Response schemas with the usual error answers attached. */
export function responses(ok: Record<number, TSchema>): Record<number, TSchema> {
  return { ...ok, 400: errorRef, 401: errorRef, 403: errorRef, 404: errorRef, 409: errorRef, 422: errorRef }
}

export const Uuid = Type.String({ format: 'uuid' })
export const RegionCode = Type.String({ pattern: '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3}([0-9]{3})?)?)?)?$', description: 'GB/T 2260 region code (2, 4, 6, 9 or 12 digits)' })
export const Page = Type.Integer({ minimum: 1, maximum: 100000, default: 1 })
export const PageSize = Type.Integer({ minimum: 1, maximum: 200, default: 20 })

export function paged<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() })
}
