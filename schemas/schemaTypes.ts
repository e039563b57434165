import {article} from './documents/article.ts'
import {claim} from './documents/claim.ts'
import {organization} from './documents/organization.ts'
import {person} from './documents/person.ts'
import {place} from './documents/place.ts'
import {claimRef} from './objects/claimRef.ts'
import {claimSource} from './objects/claimSource.ts'
import {importProvenance} from './objects/importProvenance.ts'
import {mention} from './objects/mention.ts'
import {role} from './objects/role.ts'

/** The document types, in the order editors meet them. */
export const documentTypes = [article, claim, person, place, organization]

/** The object types the documents are built from (annotations included). */
export const objectTypes = [claimSource, role, importProvenance, claimRef, mention]

/** Every schema type of the model, for Studios that register types themselves. */
export const schemaTypes = [...documentTypes, ...objectTypes]
