/** A unique constraint refused the write: Prisma's P2002, from either engine's client. */
export const isUniqueViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === "P2002";
