// Parameter-aware folding. Parameters are known before evaluation, so `$x == null` is a constant:
// `($sourceKind == null || source.kind == $sourceKind)` becomes `true` when the parameter is null and
// `source.kind == $sourceKind` when it is not. The candidate lookups in query.ts then see the terms
// that really narrow, instead of an `||` they cannot use.
//
// Only comparisons of a parameter with null are folded, so a prepared query depends on which of those
// parameters are null, not on their values: one prepared tree serves every non-null value.
import type {ExprNode, ObjectConditionalSplatNode} from 'groq-js'

/** A parameter compared with the literal null (`$x == null`, `null != $x`), or null. */
function nullTest(node: ExprNode): {name: string; negated: boolean} | null {
  if (node.type !== 'OpCall' || (node.op !== '==' && node.op !== '!=')) return null
  const isNull = (side: ExprNode) => side.type === 'Value' && side.value === null
  const parameter =
    node.left.type === 'Parameter' && isNull(node.right)
      ? node.left
      : node.right.type === 'Parameter' && isNull(node.left)
        ? node.right
        : null
  return parameter ? {name: parameter.name, negated: node.op === '!='} : null
}

/**
 * `null == null`, `"a" != "b"`: what a null test becomes when the query was parsed with its
 * parameters (groq-js substitutes them as literals then, as it must for a slice `[$a...$b]`).
 * Only scalars and null: in GROQ they are equal exactly when they are the same JSON value.
 */
function literalComparison(node: ExprNode): boolean | null {
  if (node.type !== 'OpCall' || (node.op !== '==' && node.op !== '!=')) return null
  const {left, right} = node
  if (left.type !== 'Value' || right.type !== 'Value') return null
  const scalar = (value: unknown) =>
    value === null || ['string', 'number', 'boolean'].includes(typeof value)
  if (!scalar(left.value) || !scalar(right.value)) return null
  return (left.value === right.value) !== (node.op === '!=')
}

function visit(node: unknown, each: (node: ExprNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, each)
  } else if (node && typeof node === 'object') {
    const record = node as ExprNode
    // A Value node's payload is data, not syntax.
    if (record.type === 'Value') return
    each(record)
    for (const value of Object.values(record))
      if (value && typeof value === 'object') visit(value, each)
  }
}

/** The parameters whose null-ness changes the folded tree, in a stable order. */
export function nullTestedParameters(tree: ExprNode): string[] {
  const names = new Set<string>()
  visit(tree, (node) => {
    const test = nullTest(node)
    if (test) names.add(test.name)
  })
  return [...names].sort()
}

const TRUE: ExprNode = {type: 'Value', value: true}
const FALSE: ExprNode = {type: 'Value', value: false}
const isBool = (node: ExprNode, value: boolean) => node.type === 'Value' && node.value === value

/** Always true or false, never null: what `true && x` may be replaced by outside a condition. */
function isStrictlyBoolean(node: ExprNode): boolean {
  switch (node.type) {
    case 'Value':
      return typeof node.value === 'boolean'
    case 'Group':
    case 'Not':
      return isStrictlyBoolean(node.base)
    case 'And':
    case 'Or':
      return isStrictlyBoolean(node.left) && isStrictlyBoolean(node.right)
    case 'OpCall':
      return node.op === '==' || node.op === '!='
    case 'FuncCall':
      return node.namespace === 'global' && (node.name === 'defined' || node.name === 'references')
    default:
      return false
  }
}

/**
 * `tree` with every null test of a parameter replaced by its value and `&&`, `||`, `!` over those
 * constants simplified. GROQ's logic is three-valued (`false || "x"` is null, not "x"), so
 * `false || x` becomes `x` only where that cannot show: when `x` is always a boolean, or in a
 * condition (a filter, `select`, `=>`), which tells only true from everything else — and `&&`, `||`
 * and `!` keep true, false and "neither" apart, so a condition's sub-terms are conditions too.
 */
export function foldParameters(tree: ExprNode, params: Record<string, unknown>): ExprNode {
  const fold = (node: ExprNode, condition: boolean): ExprNode => {
    if (node === null || typeof node !== 'object' || node.type === 'Value') return node
    const test = nullTest(node)
    if (test) return (params[test.name] == null) !== test.negated ? TRUE : FALSE
    const constant = literalComparison(node)
    if (constant !== null) return constant ? TRUE : FALSE
    if ((node as {type: string}).type === 'ObjectConditionalSplat') {
      // `condition => {…}` inside an object: a condition too (only true adds the attributes).
      const splat = node as unknown as ObjectConditionalSplatNode
      return {
        ...splat,
        condition: fold(splat.condition, true),
        value: fold(splat.value, false),
      } as unknown as ExprNode
    }
    switch (node.type) {
      case 'Group': {
        const base = fold(node.base, condition)
        return base.type === 'Value' ? base : {...node, base}
      }
      case 'Not': {
        const base = fold(node.base, condition)
        return base.type === 'Value' && typeof base.value === 'boolean'
          ? base.value
            ? FALSE
            : TRUE
          : {...node, base}
      }
      case 'And':
      case 'Or': {
        const left = fold(node.left, condition)
        const right = fold(node.right, condition)
        const absorbing = node.type === 'Or'
        // `true || x` is true and `false && x` false whatever x is.
        if (isBool(left, absorbing) || isBool(right, absorbing)) return absorbing ? TRUE : FALSE
        // The neutral constant drops out where the other side's null-or-false cannot show.
        if (isBool(left, !absorbing) && (condition || isStrictlyBoolean(right))) return right
        if (isBool(right, !absorbing) && (condition || isStrictlyBoolean(left))) return left
        return {...node, left, right}
      }
      case 'Filter':
        return {...node, base: fold(node.base, false), expr: fold(node.expr, true)}
      case 'Select':
        return {
          ...node,
          alternatives: node.alternatives.map((alternative) => ({
            ...alternative,
            condition: fold(alternative.condition, true),
            value: fold(alternative.value, false),
          })),
          ...(node.fallback ? {fallback: fold(node.fallback, false)} : {}),
        }
      default:
        return foldChildren(node, (child) => fold(child, false))
    }
  }
  return fold(tree, false)
}

/** A copy of `node` with `each` applied to every child node (in arrays too). */
function foldChildren(node: ExprNode, each: (child: ExprNode) => ExprNode): ExprNode {
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value))
      copy[key] = value.map((item) =>
        item && typeof item === 'object' ? foldChild(item, each) : item,
      )
    else if (value && typeof value === 'object') copy[key] = foldChild(value, each)
    else copy[key] = value
  }
  return copy as unknown as ExprNode
}

/** Array items may be wrappers (ArrayElement, ObjectAttributeValue…): they hold nodes, so recurse. */
function foldChild(value: object, each: (child: ExprNode) => ExprNode): unknown {
  return 'type' in value ? each(value as ExprNode) : value
}
