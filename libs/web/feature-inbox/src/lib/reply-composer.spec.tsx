import { REPLY_MAX_LENGTH } from '@ecoute/contracts';
import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  renderWithProviders,
  stubFetch,
  type StubRequest,
} from '../../../../../tests/support/web/test-utils';
import { makeReply } from '../../../../../tests/support/web/fixtures';
import { ReplyComposer } from './reply-composer';

function setup(
  respond: (req: StubRequest) => { status: number; body?: unknown } = () => ({
    status: 201,
    body: makeReply(),
  }),
) {
  const fetchMock = stubFetch(respond);
  const onEscape = jest.fn();
  renderWithProviders(<ReplyComposer conversationId="c1" onEscape={onEscape} />);
  const textbox = screen.getByLabelText('Reply') as HTMLTextAreaElement;
  const send = screen.getByRole('button', { name: 'Send' });
  const type = (value: string) => fireEvent.change(textbox, { target: { value } });
  const replyCalls = () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/replies'));
  return { fetchMock, onEscape, textbox, send, type, replyCalls };
}

afterEach(() => notifications.clean());

describe('ReplyComposer', () => {
  it('counts characters against the limit and disables Send when empty or too long', () => {
    const { textbox, send, type } = setup();
    const counter = screen.getByTestId('reply-counter');
    expect(counter).toHaveTextContent(`0 / ${REPLY_MAX_LENGTH}`);
    expect(send).toBeDisabled();

    type('Hello there');
    expect(counter).toHaveTextContent(`11 / ${REPLY_MAX_LENGTH}`);
    expect(send).toBeEnabled();

    type('   \n  ');
    expect(send).toBeDisabled();

    type('x'.repeat(REPLY_MAX_LENGTH));
    expect(send).toBeEnabled();
    expect(textbox).not.toHaveAttribute('aria-invalid');

    type('x'.repeat(REPLY_MAX_LENGTH + 3));
    expect(counter).toHaveTextContent(`${REPLY_MAX_LENGTH + 3} / ${REPLY_MAX_LENGTH}`);
    expect(counter).toHaveTextContent('3 too many');
    expect(send).toBeDisabled();
    expect(textbox).toHaveAttribute('aria-invalid', 'true');
    expect(textbox.getAttribute('aria-describedby')?.split(' ')).toContain(counter.id);
  });

  it('sends with Ctrl+Enter, once, with an Idempotency-Key, then clears the text', async () => {
    const { textbox, type, replyCalls } = setup();
    type('  We are looking into it.  ');
    fireEvent.keyDown(textbox, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(textbox, { key: 'Enter', ctrlKey: true }); // a double submit

    await waitFor(() => expect(textbox.value).toBe(''));
    expect(replyCalls()).toHaveLength(1);
    const [url, init] = replyCalls()[0] as [string, RequestInit];
    expect(url).toBe('/api/conversations/c1/replies');
    expect(JSON.parse(String(init.body))).toEqual({ text: 'We are looking into it.' });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('also sends with Cmd+Enter, but not with Enter alone', async () => {
    const { textbox, type, replyCalls } = setup();
    type('Thanks!');
    fireEvent.keyDown(textbox, { key: 'Enter' });
    expect(replyCalls()).toHaveLength(0);
    fireEvent.keyDown(textbox, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(replyCalls()).toHaveLength(1));
    await waitFor(() => expect(textbox.value).toBe(''));
  });

  it("shows the API's error, keeps the text, and retries with the same key", async () => {
    const { textbox, send, type, replyCalls } = setup(() => ({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'text must be at most 280 characters' },
    }));
    type('Hello');
    fireEvent.click(send);

    expect(await screen.findByTestId('reply-error')).toHaveTextContent('text must be at most 280 characters');
    expect(textbox.value).toBe('Hello');

    fireEvent.click(send);
    await waitFor(() => expect(replyCalls()).toHaveLength(2));
    const keys = replyCalls().map(
      ([, init]) => ((init as RequestInit).headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(keys[0]).toBe(keys[1]);

    // editing the text clears the error; a different text is a different reply
    type('Hello again');
    await waitFor(() => expect(screen.queryByTestId('reply-error')).not.toBeInTheDocument());
    fireEvent.click(send);
    await waitFor(() => expect(replyCalls()).toHaveLength(3));
    const third = ((replyCalls()[2][1] as RequestInit).headers as Record<string, string>)['Idempotency-Key'];
    expect(third).not.toBe(keys[0]);
    await screen.findByTestId('reply-error');
  });

  it('leaves the composer with Escape', () => {
    const { textbox, onEscape } = setup();
    act(() => textbox.focus());
    fireEvent.keyDown(textbox, { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(1);
    expect(textbox).not.toHaveFocus();
  });
});
