import { CreateListeningQueryRequest } from '@ecoute/contracts';
import {
  compileBody,
  emptyQueryForm,
  firstInvalidField,
  normaliseTags,
  normaliseTerms,
  toRequestBody,
  validateQueryForm,
  type QueryFormValues,
} from './query-form';

const valid = (): QueryFormValues => ({
  ...emptyQueryForm(),
  name: 'Lumio brand',
  include: ['lumio'],
  platforms: ['x'],
});

describe('query form', () => {
  it('keeps phrases without their quotes, and drops empty and repeated terms', () => {
    expect(normaliseTerms(['  lumio ', '"lumio  fibre"', '“panne fibre”', 'LUMIO', '', '""'])).toEqual([
      'lumio',
      'lumio fibre',
      'panne fibre',
    ]);
  });

  it('shows hashtags and handles with their sign, however they were typed', () => {
    expect(normaliseTags(['lumio', '#Lumio', '##fibre', ' # '], '#')).toEqual(['#lumio', '#fibre']);
    expect(normaliseTags(['@lumio_help', 'lumio.fr'], '@')).toEqual(['@lumio_help', '@lumio.fr']);
  });

  it("builds the body the API's schema accepts", () => {
    const body = toRequestBody({ ...valid(), pollIntervalSeconds: 120, hashtags: ['#lumio'] });
    expect(CreateListeningQueryRequest.parse(body)).toEqual(body);
    expect(validateQueryForm(valid()).errors).toEqual({});
  });

  it("maps the schema's issues to the fields, in the UI's words", () => {
    const { body, errors } = validateQueryForm({
      ...emptyQueryForm(),
      name: '   ',
      include: ['x'.repeat(129)],
      hashtags: ['#ok', '#not-ok'],
      handles: ['@fine', '@not fine'],
      languages: ['eng'],
      pollIntervalSeconds: 4,
    });
    expect(body).toBeNull();
    expect(errors).toEqual({
      name: { key: 'nameRequired' },
      include: { key: 'termTooLong', values: { value: 'x'.repeat(129), max: 128 } },
      hashtags: { key: 'hashtag', values: { value: '#not-ok' } },
      handles: { key: 'handle', values: { value: '@not fine' } },
      languages: { key: 'language', values: { value: 'eng' } },
      platforms: { key: 'platformsRequired' },
      pollIntervalSeconds: { key: 'pollRange' },
    });
    expect(firstInvalidField(errors)).toBe('name');
    expect(validateQueryForm({ ...valid(), name: 'x'.repeat(81) }).errors.name).toEqual({
      key: 'nameTooLong',
      values: { max: 80 },
    });
    expect(validateQueryForm({ ...valid(), pollIntervalSeconds: '' }).errors.pollIntervalSeconds).toEqual({
      key: 'pollInteger',
    });
    expect(validateQueryForm({ ...valid(), pollIntervalSeconds: 90_000 }).errors.pollIntervalSeconds).toEqual(
      {
        key: 'pollRange',
      },
    );
  });

  it('compiles only a valid spec with at least one platform', () => {
    expect(compileBody(valid())).toEqual({
      spec: {
        include: ['lumio'],
        includeMode: 'any',
        exclude: [],
        hashtags: [],
        handles: [],
        languages: [],
        includeReposts: false,
      },
      platforms: ['x'],
    });
    // the name does not matter to the compiler
    expect(compileBody({ ...valid(), name: '' })).not.toBeNull();
    expect(compileBody({ ...valid(), platforms: [] })).toBeNull();
    expect(compileBody({ ...valid(), hashtags: ['#no way'] })).toBeNull();
  });
});
