/** X API v2 error bodies, in the shapes X sends them. */

export interface XParameterError {
  parameters: Record<string, string[]>;
  message: string;
}

export interface XInvalidRequest {
  errors: XParameterError[];
  title: 'Invalid Request';
  detail: string;
  type: string;
}

export interface XProblem {
  title: string;
  detail: string;
  type: string;
  status: number;
}

export function invalidRequest(errors: XParameterError[]): XInvalidRequest {
  return {
    errors,
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  };
}

export function parameterError(name: string, values: string[], message: string): XParameterError {
  return { parameters: { [name]: values }, message };
}

/** the `about:blank` problem X answers with for auth failures, 429 and 5xx */
export function problem(status: number, title: string, detail: string = title): XProblem {
  return { title, detail, type: 'about:blank', status };
}

export const UNAUTHORIZED = problem(401, 'Unauthorized');
export const TOO_MANY_REQUESTS = problem(429, 'Too Many Requests');
export const INTERNAL_ERROR = problem(500, 'Internal Server Error');
export const SERVICE_UNAVAILABLE = problem(503, 'Service Unavailable');

/** the 2020 v2 REST 429 body (captured), text/plain */
export const RATE_LIMIT_TEXT = 'Rate limit exceeded\n';
export const RATE_LIMIT_TEXT_TYPE = 'text/plain;charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
