import { describe, expect, it } from 'vitest';
import { splitSql, statementAt } from './sql-lexer';

describe('splitSql / statementAt', () => {
  const script = "SELECT 1;\n-- a; comment\nSELECT 'a;b' AS \"x;y\";\n/* ; */ SELECT $$;$$";
  it('splits on semicolons outside strings, names and comments', () => {
    expect(splitSql(script).map((s) => s.text)).toEqual(['SELECT 1', "-- a; comment\nSELECT 'a;b' AS \"x;y\"", '/* ; */ SELECT $$;$$']);
  });
  it('finds the statement under the cursor, or the one just before it', () => {
    expect(statementAt(script, 3)?.text).toBe('SELECT 1');
    expect(statementAt(script, 9)?.text).toBe('SELECT 1');
    expect(statementAt(script, script.indexOf("'a;b'"))?.text).toContain("'a;b'");
    expect(statementAt(script, script.length)?.text).toContain('$$;$$');
    expect(statementAt('', 0)).toBeUndefined();
  });
});
