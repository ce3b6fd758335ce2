/** A unique index refused the write (two parallel requests raced), on either database. */
export const isUniqueViolation = (error: unknown): boolean => {
  const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
  const driverCode = driverError?.code ?? code;
  return (
    driverCode === 'ER_DUP_ENTRY' ||
    driverCode === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverCode === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
};
