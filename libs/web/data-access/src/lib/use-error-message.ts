import { isApiRequestError } from './api-client';
import { useTranslation } from 'react-i18next';

/** The message to show for a failed query or mutation: the API's own `ApiError.message` when it sent one. */
export function useErrorMessage(): (e: unknown) => string {
  const { t } = useTranslation();
  return (e) => {
    if (isApiRequestError(e)) {
      if (e.kind === 'network') return t('errors.network');
      if (e.kind === 'invalid-response') return t('errors.invalidResponse');
      if (e.body?.message) return e.body.message;
      return t('errors.http', { status: e.status });
    }
    return e instanceof Error ? e.message : t('errors.unknown');
  };
}
