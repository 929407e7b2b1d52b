import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { LiveUpdatedAt } from './layout';
import { LoadFailedAlert } from './load-state';
import { MentionByline } from './mention-byline';

const wrap = (ui: ReactNode) => render(<MantineProvider env="test">{ui}</MantineProvider>);

const post = { platform: 'x' as const, createdAt: '2024-05-01T10:00:00.000Z', url: 'https://x.example/p/1' };
const base = { locale: 'en', openPostLabel: 'Open the post on X' };

describe('MentionByline', () => {
  it('shows the name, @handle, verified mark and a link to the post', () => {
    wrap(
      <MentionByline
        {...base}
        mention={{ ...post, author: { name: 'Ada', handle: 'ada', verified: true } }}
        verifiedLabel="Verified"
        nameId="n1"
        withPlatformBadge
      />,
    );
    expect(screen.getByText('Ada')).toHaveAttribute('id', 'n1');
    expect(screen.getByText('@ada')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Verified' })).toBeInTheDocument();
    expect(screen.getByText('X')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Open the post on X' });
    expect(link).toHaveAttribute('href', post.url);
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText((_, el) => el?.tagName === 'TIME')).toHaveAttribute('datetime', post.createdAt);
  });

  it('falls back to the handle and has no verified mark for an unverified author', () => {
    wrap(<MentionByline {...base} mention={{ ...post, author: { name: '', handle: 'anon' } }} />);
    expect(screen.getByText('anon')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Verified' })).not.toBeInTheDocument();
  });

  it('in a thread, shows the avatar and the name over the @handle', () => {
    wrap(
      <MentionByline
        {...base}
        variant="thread"
        mention={{ ...post, author: { name: 'Ada', handle: 'ada', verified: false, avatarUrl: null } }}
      />,
    );
    expect(screen.getByText('Ada')).toBeInTheDocument();
    expect(screen.getByText('@ada')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the post on X' })).toHaveAttribute('href', post.url);
  });
});

describe('LoadFailedAlert', () => {
  it('shows the error and retries', () => {
    const onRetry = jest.fn();
    wrap(<LoadFailedAlert title="Could not load" message="Boom" retryLabel="Retry" onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load');
    expect(screen.getByRole('alert')).toHaveTextContent('Boom');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('LiveUpdatedAt', () => {
  it('shows the loading label until data arrived, then the time', () => {
    const label = (time: string) => `Updated at ${time}`;
    const { rerender } = wrap(
      <LiveUpdatedAt updatedAt={0} locale="en" label={label} loadingLabel="Loading…" fetching />,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    const at = Date.UTC(2024, 4, 1, 10, 0, 0);
    rerender(
      <MantineProvider env="test">
        <LiveUpdatedAt updatedAt={at} locale="en" label={label} loadingLabel="Loading…" fetching={false} />
      </MantineProvider>,
    );
    expect(screen.getByText(`Updated at ${new Date(at).toLocaleTimeString('en')}`)).toBeInTheDocument();
  });
});
