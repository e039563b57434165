import {useCallback} from 'react'
import {PatchEvent, unset, type FormPatch, type ObjectInputProps} from 'sanity'
import {staleSourceFields} from '../objects/sourceKindFields.ts'

/**
 * `patches` as the source's form sends them, plus, when they set the kind, an unset of each
 * reference the new kind does not use: all in one change, so one undo restores both.
 */
export function withStaleReferencesUnset(
  patches: FormPatch[],
  value: Record<string, unknown> | undefined,
): FormPatch[] {
  const kindSet = patches.find(
    (patch) => patch.type === 'set' && patch.path.length === 1 && patch.path[0] === 'kind',
  )
  if (!kindSet || kindSet.type !== 'set') return patches
  const stale = staleSourceFields(String(kindSet.value), value)
  return [...patches, ...stale.map((field) => unset([field]))]
}

/**
 * The source's default form, except that choosing a kind also removes the reference the new kind
 * does not use: an organization source keeps no person, an unnamed one neither.
 */
export function ClaimSourceInput(props: ObjectInputProps) {
  const {onChange, value} = props
  const handleChange = useCallback(
    (change: FormPatch | FormPatch[] | PatchEvent) =>
      onChange(withStaleReferencesUnset(PatchEvent.from(change).patches, value)),
    [onChange, value],
  )
  return props.renderDefault({...props, onChange: handleChange})
}
