// Test data shaped like the API's DTOs (libs/shared/contracts).
import type {
  AuthorDto,
  CompiledQueryDto,
  ConversationDetailDto,
  ConversationEventDto,
  ConversationSummaryDto,
  ListeningQueryDto,
  MemberDto,
  MentionDto,
  MessageDto,
  MeResponse,
  Platform,
  PreviewMentionDto,
  PreviewPlatformDto,
  SourceDto,
  TeamDto,
} from '@ecoute/contracts';

export function makeAuthor(over: Partial<AuthorDto> = {}): AuthorDto {
  return {
    id: 'a1',
    platform: 'x',
    externalId: '42',
    handle: 'claire_d',
    name: 'Claire Dubois',
    followers: 12_345,
    verified: true,
    avatarUrl: null,
    ...over,
  };
}

export function makeMention(over: Partial<MentionDto> = {}): MentionDto {
  const author = over.author ?? makeAuthor();
  return {
    id: 'm1',
    platform: 'x',
    externalId: '1800000000000000001',
    url: 'https://x.com/claire_d/status/1800000000000000001',
    text: '@lumio my fibre has been down since this morning, this is terrible',
    language: 'en',
    languageConfidence: 1,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    fetchedAt: new Date().toISOString(),
    author,
    metrics: { likes: 3, reposts: 1, replies: 0, quotes: 0, bookmarks: 0, views: 250 },
    sentiment: {
      score: -0.6,
      label: 'negative',
      confidence: 0.82,
      explanation: [
        { text: 'terrible', weight: -0.9, source: 'lexicon' },
        { text: 'down', weight: -0.4, source: 'model' },
      ],
    },
    intents: ['complaint'],
    intentEvidence: { complaint: [{ text: 'down', weight: 1, source: 'rule' }] },
    abuse: { abusive: false, score: 0.04 },
    corrected: { sentiment: false, intents: false },
    queryIds: ['q1'],
    matches: [{ queryId: 'q1', queryName: 'Lumio brand', terms: ['lumio', 'fibre'] }],
    ...over,
  };
}

export function makeConversation(over: Partial<ConversationSummaryDto> = {}): ConversationSummaryDto {
  const subject = over.subject ?? makeMention();
  return {
    id: 'c1',
    status: 'new',
    priority: 'high',
    platform: subject.platform,
    author: subject.author,
    subject,
    assignee: null,
    team: null,
    tags: [],
    version: 1,
    snoozedUntil: null,
    sla: { firstResponse: null, resolution: null },
    escalation: null,
    replies: { possible: true },
    messageCount: 1,
    openedAt: subject.createdAt,
    lastMessageAt: subject.createdAt,
    waitingSince: subject.createdAt,
    firstResponseAt: null,
    resolvedAt: null,
    ...over,
  };
}

export function makeReply(over: Partial<MessageDto> = {}): MessageDto {
  return {
    id: 'r1',
    kind: 'reply',
    body: 'Sorry about that! We are on it.',
    createdAt: new Date().toISOString(),
    mention: null,
    sentBy: { id: 'u3', name: 'Sam Agent' },
    delivery: { state: 'sent', platformPostId: '1800000000000000999', error: null, attempts: 1 },
    ...over,
  };
}

export function makeDetail(summary: ConversationSummaryDto, messages?: MessageDto[]): ConversationDetailDto {
  return {
    ...summary,
    events: [],
    messages: messages ?? [
      {
        id: `${summary.id}-in`,
        kind: 'inbound',
        body: summary.subject.text,
        createdAt: summary.subject.createdAt,
        mention: summary.subject,
        sentBy: null,
        delivery: null,
      },
    ],
  };
}

export function makeMe(role: MeResponse['user']['role'] = 'agent'): MeResponse {
  return {
    user: { id: 'u3', email: `${role}@example.com`, name: 'Sam Agent', role },
    workspace: { id: 'w1', name: 'Lumio' },
  };
}

export function makeCompiled(platform: Platform, over: Partial<CompiledQueryDto> = {}): CompiledQueryDto {
  return {
    platform,
    requests: [
      platform === 'x' ? '(lumio OR "lumio fibre") -job lang:en -is:retweet' : 'lumio "lumio fibre"',
    ],
    error: null,
    ...over,
  };
}

export function makeListeningQuery(over: Partial<ListeningQueryDto> = {}): ListeningQueryDto {
  const platforms = over.platforms ?? ['x', 'mastodon'];
  return {
    id: 'q1',
    name: 'Lumio brand',
    kind: 'brand',
    spec: {
      include: ['lumio', 'lumio fibre'],
      includeMode: 'any',
      exclude: ['job'],
      hashtags: ['#lumio'],
      handles: ['@lumio_help'],
      languages: ['en', 'fr'],
      includeReposts: false,
    },
    platforms,
    active: true,
    pollIntervalSeconds: 60,
    compiled: platforms.map((p) => makeCompiled(p)),
    createdAt: new Date(Date.now() - 86_400_000).toISOString(),
    updatedAt: new Date(Date.now() - 3_600_000).toISOString(),
    ...over,
  };
}

export function makeSource(over: Partial<SourceDto> = {}): SourceDto {
  return {
    id: 's1',
    queryId: 'q1',
    queryName: 'Lumio brand',
    queryKind: 'brand',
    platform: 'x',
    state: 'active',
    pollIntervalSeconds: 60,
    lastPolledAt: new Date(Date.now() - 30_000).toISOString(),
    lastSuccessAt: new Date(Date.now() - 30_000).toISOString(),
    nextPollAt: new Date(Date.now() + 30_000).toISOString(),
    lastError: null,
    consecutiveFailures: 0,
    mentionsLastHour: 12,
    mentionsPerHour24h: 8.4,
    rateLimit: { remaining: 180, resetAt: new Date(Date.now() + 600_000).toISOString() },
    ...over,
  };
}

export function makePreviewMention(over: Partial<PreviewMentionDto> = {}): PreviewMentionDto {
  return {
    platform: 'x',
    externalId: 'p1',
    url: 'https://x.com/marc/status/1',
    text: 'Loving my new Lumio fibre, so fast',
    authorHandle: 'marc',
    authorName: 'Marc',
    createdAt: new Date(Date.now() - 120_000).toISOString(),
    language: 'en',
    sentiment: 'positive',
    matchedTerms: ['lumio fibre'],
    filteredOut: false,
    ...over,
  };
}

export function makePreviewPlatform(
  platform: Platform,
  over: Partial<PreviewPlatformDto> = {},
): PreviewPlatformDto {
  return {
    platform,
    compiled: makeCompiled(platform),
    mentions: [],
    error: null,
    ...over,
  };
}

export function makeMember(over: Partial<MemberDto> = {}): MemberDto {
  return { id: 'u3', name: 'Sam Agent', role: 'agent', teamIds: [], load: 2, capacity: 5, ...over };
}

export function makeTeam(over: Partial<TeamDto> = {}): TeamDto {
  return { id: 't1', name: 'Billing', members: [], queued: 0, ...over };
}

export function makeEvent(over: Partial<ConversationEventDto> = {}): ConversationEventDto {
  return {
    id: 'e1',
    kind: 'assigned',
    actor: null,
    data: { assigneeId: 'u3', teamId: 't1', strategy: 'round_robin', ruleId: null },
    createdAt: new Date(Date.now() - 4 * 60_000).toISOString(),
    ...over,
  };
}
