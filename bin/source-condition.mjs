// A module resolve hook for a checkout of edgelit: imports resolve with the
// "edgelit-source" condition too, so an app that imports "edgelit" (examples,
// test fixtures) runs the TypeScript sources rather than the built dist/
// (package.json "exports"). bin/edgelit.mjs registers it in a checkout only.
export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, "edgelit-source"] });
}
