/**
 * The connector error codes (libs/api/connectors, `ConnectorError`) that a preview reports per platform, each with
 * a translated title under `previewError.*`. An unknown code is shown as it comes.
 */
export const PREVIEW_ERROR_CODES = [
  'rate_limited',
  'auth_invalid',
  'temporary',
  'bad_query',
  'not_found',
] as const;

export function isKnownPreviewError(code: string): code is (typeof PREVIEW_ERROR_CODES)[number] {
  return (PREVIEW_ERROR_CODES as readonly string[]).includes(code);
}
