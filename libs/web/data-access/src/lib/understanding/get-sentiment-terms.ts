import type { SentimentTermDto } from '@ecoute/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type CallOptions } from '../api-client';
import { understandingKeys } from './keys';

/** `GET /api/sentiment-terms`: the workspace's lexicon words and ignored terms (lexicon first, by term). */
export function getSentimentTerms(options: CallOptions = {}): Promise<SentimentTermDto[]> {
  return apiRequest<SentimentTermDto[]>('/sentiment-terms', options);
}

export function sentimentTermsQueryOptions() {
  return queryOptions({
    queryKey: understandingKeys.terms(),
    queryFn: ({ signal }) => getSentimentTerms({ signal }),
  });
}

export function useSentimentTerms() {
  return useQuery(sentimentTermsQueryOptions());
}
