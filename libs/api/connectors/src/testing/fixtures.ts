import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project's copies of real platform payloads (tests/fixtures/platform-payloads, each with its README). */
export const FIXTURES_DIR = join(__dirname, '../../../../../tests/fixtures/platform-payloads');

export function readFixtureText(platform: string, file: string): string {
  return readFileSync(join(FIXTURES_DIR, platform, file), 'utf8');
}

export function readFixtureJson<T = unknown>(platform: string, file: string): T {
  return JSON.parse(readFixtureText(platform, file)) as T;
}

/** A cassette-style fixture: `{request_uri, status, headers?, body}`. */
export interface Capture {
  request_uri: string;
  status: { code: number; message: string };
  headers?: Record<string, string | string[]>;
  body: unknown;
}
