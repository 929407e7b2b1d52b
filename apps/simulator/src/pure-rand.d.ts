// The workspace resolves modules with `moduleResolution: node`, which ignores package.json "exports";
// pure-rand 8 ships its entry points only through "exports". These declarations point TypeScript at the
// same files that Node and jest load at run time.
declare module 'pure-rand/generator/xoroshiro128plus' {
  export * from 'pure-rand/lib/generator/xoroshiro128plus';
}
declare module 'pure-rand/distribution/uniformInt' {
  export * from 'pure-rand/lib/distribution/uniformInt';
}
declare module 'pure-rand/distribution/uniformFloat64' {
  export * from 'pure-rand/lib/distribution/uniformFloat64';
}
declare module 'pure-rand/types/RandomGenerator' {
  export * from 'pure-rand/lib/types/RandomGenerator';
}
