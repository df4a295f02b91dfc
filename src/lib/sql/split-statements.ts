/**
 * Splits a trusted, committed SQL script (sql/*.sql) into statements. Not a general SQL
 * parser: statements must end with `;` at the end of a line, and `--` comments are dropped.
 */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
