import * as http from 'node:http';
import * as https from 'node:https';
import { TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import type { XCredentials } from '@ecoute/api-platform';

/**
 * twitter-api-v2 has no base-URL option: this plugin rewrites every request's host to the configured base
 * URL (the simulator in demo and tests), with an http.Agent for plain HTTP, and sets a timeout (DESIGN §5).
 * Nothing falls through to another host.
 */
export function baseUrlPlugin(baseUrl: string, timeoutMs: number): ITwitterApiClientPlugin {
  const target = new URL(baseUrl);
  const agent = target.protocol === 'http:' ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
  const prefix = target.pathname.replace(/\/$/, '');
  return {
    onBeforeRequest({ computedParams, requestOptions }) {
      const url = computedParams.url;
      url.protocol = target.protocol;
      url.host = target.host;
      if (prefix && !url.pathname.startsWith(prefix + '/')) url.pathname = prefix + url.pathname;
      requestOptions.agent = agent;
      requestOptions.timeout = timeoutMs;
    },
  };
}

export function createSearchClient(x: XCredentials): TwitterApi | null {
  if (!x.bearerToken) return null;
  return new TwitterApi(x.bearerToken, { plugins: [baseUrlPlugin(x.baseUrl, x.timeoutMs)] });
}

export function createReplyClient(x: XCredentials): TwitterApi | null {
  const plugins = [baseUrlPlugin(x.baseUrl, x.timeoutMs)];
  if (x.userContext) return new TwitterApi(x.userContext, { plugins });
  if (x.userBearerToken) return new TwitterApi(x.userBearerToken, { plugins });
  return null;
}
