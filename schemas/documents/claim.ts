import {BlockquoteIcon} from '@sanity/icons/Blockquote'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {doubtFlag} from '../doubts.ts'
import {choiceField, importDoubtsField} from '../fields.ts'
import {sourceLabel, type SourceLabelSelection} from '../objects/sourceKindFields.ts'
import {
  HEDGING_LEVELS,
  QUOTE_TYPES,
  REVIEW_STATUSES,
  VERIFICATION_STATES,
  listOf,
  titleOf,
} from '../vocabularies.ts'

/** Characters of the statement a claim's preview title keeps before "…". */
const PREVIEW_STATEMENT_LENGTH = 90

/** `text` cut at a word boundary near `max`, with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

export interface ClaimPreviewSelection extends SourceLabelSelection {
  statement?: string
  cue?: string
}

/** Everything a claim's preview selects. */
export interface ClaimListSelection extends ClaimPreviewSelection {
  headline?: string
  reviewStatus?: string
  quoteType?: string
  confidence?: number
  importDoubts?: string[]
}

/**
 * Who said what, as one line: "Ali Vaez — according to — Iran faces the challenge…", the statement
 * cut near `max` characters (pass `Infinity` for all of it).
 */
export function attributionLine(
  parts: {who: string; cue?: string | null; statement?: string | null},
  max = PREVIEW_STATEMENT_LENGTH,
): string {
  const statement = parts.statement ? truncate(parts.statement, max) : 'No statement'
  return [parts.who, parts.cue, statement].filter(Boolean).join(' — ')
}

/**
 * A claim's preview: the title says who said what (cut to fit one line), the subtitle flags what
 * the importer doubted, then the confidence, the review status and the article's headline. The
 * description holds the statement in full: the review lists use Sanity's "detail" layout, which
 * prints it below those two lines (clamped to two more).
 */
export function claimPreview(selection: ClaimListSelection): {
  title: string
  subtitle: string
  description: string
} {
  const {headline, reviewStatus, quoteType, confidence, importDoubts, ...said} = selection
  const who = {who: sourceLabel(said), cue: said.cue, statement: said.statement}
  return {
    title: attributionLine(who),
    // The headline goes last: it is the longest, and a narrow pane cuts the line's end.
    subtitle: [
      doubtFlag({importDoubts, confidence, reviewStatus}),
      typeof confidence === 'number' ? `confidence ${confidence.toFixed(2)}` : undefined,
      titleOf(REVIEW_STATUSES, reviewStatus),
      titleOf(QUOTE_TYPES, quoteType),
      headline ?? 'No article',
    ]
      .filter(Boolean)
      .join(' · '),
    description: said.statement?.replace(/\s+/g, ' ').trim() || 'No statement',
  }
}

/**
 * An attributed claim (PARC 3.0 / BBC Citron): the content as reported, the cue that attributes
 * it, and its source, with the importer's confidence and the editors' review.
 */
export const claim = defineType({
  name: 'claim',
  title: 'Claim',
  type: 'document',
  icon: BlockquoteIcon,
  groups: [
    {name: 'attribution', title: 'Attribution', default: true},
    {name: 'context', title: 'Context'},
    {name: 'review', title: 'Review'},
  ],
  fields: [
    defineField({
      name: 'statement',
      title: 'Statement',
      type: 'text',
      rows: 3,
      description: 'The attributed content, as the article reports it',
      group: 'attribution',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'cue',
      title: 'Cue',
      type: 'string',
      description: 'The attribution words: "said", "according to", "as indicated by"…',
      group: 'attribution',
    }),
    choiceField({
      name: 'quoteType',
      title: 'Quote type',
      choices: QUOTE_TYPES,
      initialValue: 'indirect',
      group: 'attribution',
    }),
    defineField({
      name: 'source',
      title: 'Source',
      type: 'claimSource',
      group: 'attribution',
      validation: (rule) => rule.required().error('A claim must have a source'),
    }),
    defineField({
      name: 'sentence',
      title: 'Sentence',
      type: 'text',
      rows: 3,
      description: 'The full sentence the claim was extracted from',
      group: 'attribution',
      readOnly: true,
    }),
    defineField({
      name: 'article',
      title: 'Article',
      type: 'reference',
      to: [{type: 'article'}],
      group: 'context',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'about',
      title: 'About',
      type: 'array',
      description: 'The people, places and organizations the claim concerns',
      group: 'context',
      of: [
        defineArrayMember({
          type: 'reference',
          to: [{type: 'person'}, {type: 'place'}, {type: 'organization'}],
        }),
      ],
      validation: (rule) => rule.unique(),
    }),
    defineField({name: 'saidAt', title: 'Said at', type: 'date', group: 'context'}),
    defineField({
      name: 'reviewStatus',
      title: 'Review status',
      type: 'string',
      options: {list: listOf(REVIEW_STATUSES), layout: 'radio', direction: 'horizontal'},
      initialValue: 'needsReview',
      group: 'review',
      validation: (rule) => rule.required(),
    }),
    choiceField({
      name: 'verification',
      title: 'Verification',
      choices: VERIFICATION_STATES,
      initialValue: 'unverified',
      group: 'review',
    }),
    choiceField({
      name: 'hedging',
      title: 'Hedging',
      choices: HEDGING_LEVELS,
      initialValue: 'asserted',
      group: 'review',
    }),
    defineField({
      name: 'confidence',
      title: 'Confidence',
      type: 'number',
      description: "The importer's confidence in the extraction, from 0 to 1",
      group: 'review',
      readOnly: true,
      validation: (rule) => rule.min(0).max(1),
    }),
    importDoubtsField('review'),
  ],
  // The review lists' sort menu; `article.headline` and `article.publishedAt` follow the reference.
  orderings: [
    {
      title: 'Confidence, lowest first',
      name: 'confidenceAsc',
      by: [{field: 'confidence', direction: 'asc'}],
    },
    {
      title: 'Confidence, highest first',
      name: 'confidenceDesc',
      by: [{field: 'confidence', direction: 'desc'}],
    },
    {
      title: 'Article, A–Z',
      name: 'articleAsc',
      by: [
        {field: 'article.headline', direction: 'asc'},
        {field: 'confidence', direction: 'asc'},
      ],
    },
    {
      title: 'Article date, newest first',
      name: 'articleDateDesc',
      by: [
        {field: 'article.publishedAt', direction: 'desc'},
        {field: 'confidence', direction: 'asc'},
      ],
    },
  ],
  preview: {
    select: {
      statement: 'statement',
      cue: 'cue',
      kind: 'source.kind',
      person: 'source.person.name',
      organization: 'source.organization.name',
      description: 'source.description',
      plural: 'source.plural',
      reviewStatus: 'reviewStatus',
      quoteType: 'quoteType',
      confidence: 'confidence',
      importDoubts: 'importDoubts',
      headline: 'article.headline',
    },
    prepare: (selection: ClaimListSelection) => claimPreview(selection),
  },
})
