import { SavedReplyRequest } from '@ecoute/contracts';
import { firstName, renderTemplate } from './template';

const vars = { 'author.name': 'Ana Ruiz', 'author.handle': '@ana', 'agent.name': 'Sam Agent', 'agent.first_name': 'Sam', 'brand.name': 'Lumio' };

describe('saved reply templates', () => {
  it.each([
    ['Hi {{author.name}}, {{agent.first_name}} here from {{brand.name}}.', 'Hi Ana Ruiz, Sam here from Lumio.'],
    ['{{ author.handle }} merci !', '@ana merci !'],
    ['No variables at all', 'No variables at all'],
    ['{{agent.name}} / {{agent.name}}', 'Sam Agent / Sam Agent'],
    ['Braces { alone } stay', 'Braces { alone } stay'],
  ])('renders %j', (body, expected) => {
    expect(renderTemplate(body, vars)).toBe(expected);
  });

  it.each([['Sam Agent', 'Sam'], ['  Léa   Lead ', 'Léa'], ['Cher', 'Cher']])('first name of %j is %j', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });

  it('refuses an unknown variable when saving, naming the ones allowed', () => {
    const r = SavedReplyRequest.safeParse({ name: 'Hello', body: 'Hi {{customer.name}} and {{ author.nmae }}' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(
      'unknown variable {{customer.name}}, {{author.nmae}}: use {{author.name}}, {{author.handle}}, {{agent.name}}, {{agent.first_name}}, {{brand.name}}',
    );
    expect(SavedReplyRequest.safeParse({ name: 'Hello', body: 'Hi {{author.name}}' }).success).toBe(true);
  });
});
