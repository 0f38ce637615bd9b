/** The knowledge base's tables (热线百科); filled in by the knowledge-base work. */
export type KnowledgeTables = Record<never, never>
