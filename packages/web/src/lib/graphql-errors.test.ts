import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ERROR_CODES } from '@keyward/shared';
import { describe, expect, it } from 'vitest';
import { getErrorCode, getErrorField } from './graphql-errors';

const graphQLErrors = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'Nope', extensions }] });

describe('graphql-errors', () => {
  it('reads extensions.code and extensions.field from GraphQL errors', () => {
    const error = graphQLErrors({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(getErrorCode(error)).toBe('BAD_USER_INPUT');
    expect(getErrorField(error)).toBe('name');
  });

  it('falls back to UNKNOWN for unrecognised codes and NETWORK for failed fetches', () => {
    expect(getErrorCode(graphQLErrors({ code: 'SOMETHING_ELSE' }))).toBe('UNKNOWN');
    expect(getErrorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
  });

  it('keeps every code of the shared vocabulary, limits and throttling included', () => {
    for (const code of ERROR_CODES) expect(getErrorCode(graphQLErrors({ code }))).toBe(code);
    expect(getErrorCode(graphQLErrors({ code: 'RATE_LIMITED' }))).toBe('RATE_LIMITED');
  });

  it('tells a server whose database is unreachable (503) apart: try again', () => {
    expect(getErrorCode(graphQLErrors({ code: 'SERVICE_UNAVAILABLE' }))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const bodyText = JSON.stringify({
      errors: [{ message: 'Unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    const response = new Response(bodyText, { status: 503 });
    expect(getErrorCode(new ServerError('Unavailable', { response, bodyText }))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const bare = new Response('<html>', { status: 503 });
    expect(
      getErrorCode(new ServerError('Unavailable', { response: bare, bodyText: '<html>' })),
    ).toBe('SERVICE_UNAVAILABLE');
  });

  it('maps HTTP statuses when the body carries no GraphQL errors', () => {
    const response = new Response('<html>', { status: 401 });
    const error = new ServerError('Unauthorized', { response, bodyText: '<html>' });
    expect(getErrorCode(error)).toBe('UNAUTHENTICATED');
  });
});
