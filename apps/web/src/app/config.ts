/** Build-time settings (vite `define`), with the defaults that apply in tests. */
export const DEMO_HINT: boolean = typeof __ECOUTE_DEMO__ === 'undefined' ? true : __ECOUTE_DEMO__;
