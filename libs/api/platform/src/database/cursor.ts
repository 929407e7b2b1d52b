/** Opaque keyset cursors for list endpoints: base64url of a JSON tuple. */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): Array<string | number> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== arity) return null;
    if (!parsed.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
    return parsed as Array<string | number>;
  } catch {
    return null;
  }
}
