import type { RoutingRuleDto } from '@ecoute/contracts';
import {
  catchesEverything,
  emptyRuleForm,
  firstInvalidRuleField,
  normaliseHandles,
  normaliseWords,
  ruleFormFromDto,
  toRuleRequest,
  validateRuleForm,
  type RuleFormValues,
} from './rule-form';

const TEAM = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const USER = '22222222-2222-4222-8222-222222222222';
const QUERY = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const form = (over: Partial<RuleFormValues>): RuleFormValues => ({
  ...emptyRuleForm(),
  name: 'Rule',
  ...over,
});

describe('rule form', () => {
  it('leaves empty conditions out, and sends the actions the API takes', () => {
    expect(toRuleRequest(form({}))).toEqual({
      name: 'Rule',
      enabled: true,
      conditions: {},
      actions: { openConversation: true },
    });
    expect(
      toRuleRequest(
        form({
          scoreMin: '',
          scoreMax: '0,5',
          minFollowers: '0',
          assign: `user:${USER}`,
          teamId: TEAM,
          ignore: true,
          openConversation: false,
        }),
      ),
    ).toEqual({
      name: 'Rule',
      enabled: true,
      conditions: { sentimentScore: { max: 0.5 }, minFollowers: 0 },
      actions: { openConversation: false, ignore: true, teamId: TEAM, assign: { userId: USER } },
    });
  });

  it('reads a saved rule back into the same request', () => {
    const rule: RoutingRuleDto = {
      id: 'r1',
      name: 'Everything',
      position: 0,
      enabled: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      conditions: {
        queryIds: [QUERY],
        queryKinds: ['campaign', 'brand'],
        platforms: ['reddit', 'x'],
        languages: ['fr'],
        sentimentLabels: ['negative'],
        sentimentScore: { min: -1, max: -0.2 },
        intents: ['question', 'complaint'],
        keywords: ['panne'],
        minFollowers: 500,
        verifiedOnly: true,
        authorHandles: ['claire_d'],
        matchAny: true,
      },
      actions: {
        openConversation: true,
        priority: 'high',
        tags: ['vip'],
        stop: true,
        teamId: TEAM,
        assign: { strategy: 'round_robin' },
      },
    };
    const request = toRuleRequest(ruleFormFromDto(rule));
    expect(request.enabled).toBe(false);
    // enum lists come back in their canonical order; handles with their "@"
    expect(request.conditions).toEqual({
      ...rule.conditions,
      queryKinds: ['brand', 'campaign'],
      platforms: ['x', 'reddit'],
      intents: ['complaint', 'question'],
      authorHandles: ['@claire_d'],
    });
    expect(request.actions).toEqual(rule.actions);
    expect(validateRuleForm(ruleFormFromDto(rule)).body).not.toBeNull();
  });

  it("maps the schema's refusals to the fields, in the order of the form", () => {
    const { body, errors } = validateRuleForm(
      form({
        name: ' ',
        languages: ['fr', 'french'],
        authorHandles: ['@ok', '@not a handle'],
        tags: ['x'.repeat(41)],
        scoreMin: 0.5,
        scoreMax: -0.5,
        minFollowers: '1.5',
        assign: 'least_loaded',
      }),
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      name: { key: 'nameRequired' },
      languages: { key: 'language', values: { value: 'french' } },
      authorHandles: { key: 'handle', values: { value: '@not a handle' } },
      tags: { key: 'tagTooLong', values: { value: 'x'.repeat(41), max: 40 } },
      sentimentScore: { key: 'scoreOrder' },
      minFollowers: { key: 'followers' },
      assign: { key: 'strategyNeedsTeam' },
    });
    expect(firstInvalidRuleField(errors)).toBe('name');
    expect(validateRuleForm(form({ scoreMin: 2 })).errors).toEqual({
      sentimentScore: { key: 'scoreBounds' },
    });
    expect(validateRuleForm(form({ name: 'x'.repeat(81) })).errors).toEqual({
      name: { key: 'nameTooLong', values: { max: 80 } },
    });
  });

  it('normalises words, tags and handles as typed', () => {
    expect(normaliseWords([' fibre  down ', 'Fibre down', '', 'refund'])).toEqual(['fibre down', 'refund']);
    expect(normaliseHandles(['claire_d', '@@Claire_D', ' @marc ', '@'])).toEqual(['@claire_d', '@marc']);
  });

  it('knows a rule without conditions catches everything', () => {
    expect(catchesEverything({})).toBe(true);
    expect(catchesEverything({ matchAny: true })).toBe(true);
    expect(catchesEverything({ platforms: ['x'] })).toBe(false);
  });
});
