import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
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

  it('tells every document limit alike, and throttling apart', () => {
    for (const code of [
      'QUERY_TOO_DEEP',
      'QUERY_TOO_COSTLY',
      'TOO_MANY_ALIASES',
      'TOO_MANY_TOKENS',
    ])
      expect(getErrorCode(graphQLErrors({ code }))).toBe('QUERY_LIMIT');
    expect(getErrorCode(graphQLErrors({ code: 'RATE_LIMITED' }))).toBe('RATE_LIMITED');
  });

  it('tells a server whose database is unreachable (503) like a network failure: try again', () => {
    expect(getErrorCode(graphQLErrors({ code: 'SERVICE_UNAVAILABLE' }))).toBe('NETWORK');
    const bodyText = JSON.stringify({
      errors: [{ message: 'Unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    const response = new Response(bodyText, { status: 503 });
    expect(getErrorCode(new ServerError('Unavailable', { response, bodyText }))).toBe('NETWORK');
  });

  it('maps HTTP statuses when the body carries no GraphQL errors', () => {
    const response = new Response('<html>', { status: 401 });
    const error = new ServerError('Unauthorized', { response, bodyText: '<html>' });
    expect(getErrorCode(error)).toBe('UNAUTHENTICATED');
  });
});
