import {set, unset} from 'sanity'
import {describe, expect, it} from 'vitest'
import {withStaleReferencesUnset} from '../../schemas/components/ClaimSourceInput.tsx'
import {staleSourceFields} from '../../schemas/objects/sourceKindFields.ts'

const vaez = {_type: 'reference', _ref: 'person-ali-vaez'}
const crisisGroup = {_type: 'reference', _ref: 'organization-international-crisis-group'}

describe("switching a claim source's kind", () => {
  it('removes the person when the kind becomes organization or unnamed, in the same change', () => {
    const value = {kind: 'person', person: vaez, description: 'the analyst'}
    expect(withStaleReferencesUnset([set('organization', ['kind'])], value)).toEqual([
      set('organization', ['kind']),
      unset(['person']),
    ])
    expect(withStaleReferencesUnset([set('unnamed', ['kind'])], value)).toEqual([
      set('unnamed', ['kind']),
      unset(['person']),
    ])
  })

  it('keeps the reference the new kind names and the description, which every kind may carry', () => {
    const value = {kind: 'unnamed', person: vaez, organization: crisisGroup, description: 'x'}
    expect(withStaleReferencesUnset([set('person', ['kind'])], value)).toEqual([
      set('person', ['kind']),
      unset(['organization']),
    ])
    expect(staleSourceFields('organization', value)).toEqual(['person'])
  })

  it('passes every other edit through untouched', () => {
    const value = {kind: 'person', person: vaez, organization: crisisGroup}
    const edits = [set('a diplomat', ['description']), unset(['person'])]
    expect(withStaleReferencesUnset(edits, value)).toBe(edits)
    expect(withStaleReferencesUnset([set('person', ['kind'])], {kind: 'unnamed'})).toEqual([
      set('person', ['kind']),
    ])
  })
})
