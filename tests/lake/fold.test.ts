import {parse, type ExprNode} from 'groq-js'
import {describe, expect, test} from 'vitest'

import {foldParameters, nullTestedParameters} from '../../lake/fold.ts'

/** The folded tree, without the function implementations parse() attaches, for comparison. */
const folded = (query: string, params: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(foldParameters(parse(query), params))) as ExprNode
const tree = (query: string) => JSON.parse(JSON.stringify(parse(query))) as ExprNode
const filterOf = (node: ExprNode) => (node.type === 'Filter' ? node.expr : node)

describe('foldParameters', () => {
  test('drops an optional filter whose parameter is null and keeps its comparison when it is set', () => {
    const query = '*[_type == "claim" && ($kind == null || source.kind == $kind)]'
    expect(filterOf(folded(query, {kind: null}))).toEqual(filterOf(tree('*[_type == "claim"]')))
    expect(filterOf(folded(query, {kind: 'unnamed'}))).toEqual(
      filterOf(tree(`*[_type == "claim" && (source.kind == $kind)]`)),
    )
  })

  test('reads != null, null on the left and ! as the same tests', () => {
    expect(filterOf(folded('*[null != $a && !($b == null)]', {a: 1, b: 2}))).toEqual({
      type: 'Value',
      value: true,
    })
    expect(filterOf(folded('*[$a != null || x == 1]', {a: null}))).toEqual(
      filterOf(tree('*[x == 1]')),
    )
  })

  test('keeps `false || x` outside a condition, where GROQ makes it null for a non-boolean x', () => {
    const query = '{"v": $a != null || name}'
    expect(folded(query, {a: null})).toEqual(tree('{"v": false || name}'))
    expect(folded('{"v": $a != null || name == "x"}', {a: null})).toEqual(
      tree('{"v": name == "x"}'),
    )
  })

  test('names the parameters whose null-ness it depends on, once each, sorted', () => {
    expect(
      nullTestedParameters(
        parse('*[($b == null || x == $b) && (null == $a || y == $a) && $b != null]'),
      ),
    ).toEqual(['a', 'b'])
    expect(nullTestedParameters(parse('*[x == $b && "$c == null" == y]'))).toEqual([])
  })
})

describe('foldParameters on a query parsed with its parameters', () => {
  test('folds the literal comparisons groq-js substitutes for the parameters', () => {
    const query = '*[_type == "claim" && ($kind == null || source.kind == $kind)] [$from...$to]'
    const parsedWith = (params: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(foldParameters(parse(query, {params}), params))) as ExprNode
    const filter = (node: ExprNode) =>
      node.type === 'Slice' && node.base.type === 'Filter' ? node.base.expr : node
    expect(filter(parsedWith({kind: null, from: 0, to: 2}))).toEqual(
      filterOf(tree('*[_type == "claim"]')),
    )
    expect(filter(parsedWith({kind: 'unnamed', from: 0, to: 2}))).toEqual(
      filterOf(tree('*[_type == "claim" && (source.kind == "unnamed")]')),
    )
    expect(folded('{"a": 1 == "1", "b": [1] == [1], "c": "x" != "y"}', {})).toEqual(
      tree('{"a": false, "b": [1] == [1], "c": true}'),
    )
  })
})
