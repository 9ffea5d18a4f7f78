/**
 * acorn's UMD build as an expression that evaluates to acorn's API, whatever globals the realm
 * has: it is given a private `module`/`exports` pair, so it neither looks for nor sets globals.
 */
export function acornExpression(umd: string): string {
  return `(function () { var exports = {}, module = { exports: exports }, define; ${umd}\n; return module.exports; })()`;
}
