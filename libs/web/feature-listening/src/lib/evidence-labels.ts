import {
  EVIDENCE_SOURCES,
  type EvidenceSource,
  type EvidenceTerm,
  type Intent,
  type SentimentDto,
} from '@ecoute/contracts';
import { findEvidenceRanges } from '@ecoute/web-data-access';
import {
  evidencePolarity,
  formatWeight,
  type EvidenceHighlight,
  type MentionIntentsLabels,
  type SentimentEvidenceLabels,
} from '@ecoute/web-ui';
import { useTranslation } from 'react-i18next';

/** The translated labels of the sentiment and intent evidence, and the evidence highlights of a text. */
export function useEvidenceLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sources = Object.fromEntries(EVIDENCE_SOURCES.map((s) => [s, t(`sentiment.source.${s}`)])) as Record<
    EvidenceSource,
    string
  >;

  const sentiment = (s: SentimentDto): SentimentEvidenceLabels => ({
    sources,
    negated: t('sentiment.negated'),
    intensified: t('sentiment.intensified'),
    label: t(`sentiment.${s.label}`),
    scoreHint: t('sentiment.score', { score: formatWeight(s.score, locale) }),
    confidence: (percent) => t('sentiment.confidence', { percent }),
    notScored: t('sentiment.notScored'),
    none: t('sentiment.none'),
    evidence: t('sentiment.why'),
    corrected: t('sentiment.corrected'),
    correctedHint: t('sentiment.correctedHint'),
  });

  const intents: MentionIntentsLabels = {
    intent: (intent: Intent) => t(`intent.${intent}`),
    evidence: (intent, words) => t('intents.evidence', { intent, words }),
    abuseScore: (percent) => t('intents.abuseScore', { percent }),
    group: t('intents.group'),
    corrected: t('intents.corrected'),
    correctedHint: t('intents.correctedHint'),
  };

  /** The evidence words of `text`, highlighted by polarity, each saying what it stands for. */
  const highlights = (text: string, evidence: readonly EvidenceTerm[]): EvidenceHighlight[] =>
    findEvidenceRanges(text, evidence).flatMap(({ start, end, term }) => {
      const polarity = evidencePolarity(term.weight);
      if (!polarity) return [];
      const label = t(term.negated ? 'sentiment.markNegated' : 'sentiment.mark', {
        polarity: t(`sentiment.polarity.${polarity}`),
        text: term.text,
        weight: formatWeight(term.weight, locale),
      });
      return [{ start, end, polarity, label }];
    });

  return { locale, sentiment, intents, highlights };
}
