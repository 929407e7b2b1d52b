// Maps the TypeScript path aliases of tsconfig.base.json to jest's moduleNameMapper.
const path = require('node:path');
const base = require('../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const out = {};
  for (const [alias, [target]] of Object.entries(base.compilerOptions.paths)) {
    out[`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`] = path.join(__dirname, '..', target);
  }
  return out;
}
module.exports = { pathsToModuleNameMapper };
