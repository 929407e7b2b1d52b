import { createTestQueryClient, renderRoutes, stubFetch } from '../../../../tests/support/web/test-utils';
import { DEMO_PASSWORD } from '@ecoute/contracts';
import { clearToken, getToken } from '@ecoute/web-data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { LoginPage } from './login-page';
import { RequireAuth } from './require-auth';

const routes = [
  { path: '/login', element: <LoginPage demo /> },
  {
    path: '/inbox',
    element: (
      <RequireAuth>
        <p>inbox page</p>
      </RequireAuth>
    ),
  },
];

afterEach(() => clearToken());

describe('LoginPage', () => {
  it('fills the form from a demo account in one click', () => {
    stubFetch(() => ({ status: 500 }));
    renderRoutes({ routes, initialPath: '/login', queryClient: createTestQueryClient() });
    fireEvent.click(screen.getByRole('button', { name: /lead@example\.com/ }));
    expect(screen.getByLabelText('E-mail')).toHaveValue('lead@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue(DEMO_PASSWORD);
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveFocus();
  });

  it("shows the API's message when the credentials are refused", async () => {
    stubFetch(() => ({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password.' },
    }));
    renderRoutes({ routes, initialPath: '/login', queryClient: createTestQueryClient() });
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'agent@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong e-mail or password.');
    expect(getToken()).toBeNull();
  });

  it('keeps the token and goes to the page that asked for a session', async () => {
    const fetchMock = stubFetch(() => ({
      status: 200,
      body: {
        token: 'tok',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: 'u', email: 'agent@example.com', name: 'Sam Agent', role: 'agent' },
        workspace: { id: 'w', name: 'Lumio' },
      },
    }));
    const { location } = renderRoutes({
      routes,
      initialPath: '/inbox',
      queryClient: createTestQueryClient(),
    });
    // no session: the inbox sends us to the login page
    await waitFor(() => expect(location().pathname).toBe('/login'));
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'agent@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: DEMO_PASSWORD } });
    fireEvent.submit(screen.getByRole('button', { name: 'Sign in' }).closest('form') as HTMLFormElement);
    expect(await screen.findByText('inbox page')).toBeInTheDocument();
    expect(location().pathname).toBe('/inbox');
    expect(getToken()).toBe('tok');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
