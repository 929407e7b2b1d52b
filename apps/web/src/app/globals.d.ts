/** Set by vite.config.ts (`define`): show the demo logins on the sign-in page. Undefined in tests. */
declare const __ECOUTE_DEMO__: boolean | undefined;
