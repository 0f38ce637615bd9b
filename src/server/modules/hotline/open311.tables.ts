/** The Open311 clients' tables; filled in by the Open311 work. */
export type Open311Tables = Record<never, never>
