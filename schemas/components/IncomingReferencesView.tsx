import {Badge, Box, Card, Flex, Heading, Spinner, Stack, Text} from '@sanity/ui'
import {useEffect, useState, type AnchorHTMLAttributes, type ComponentType} from 'react'
import {useClient, useSchema} from 'sanity'
import {usePaneRouter, type ChildLinkProps, type UserViewComponent} from 'sanity/structure'
import {VALIDATION_API_VERSION} from '../validation.ts'
import {attributionLine} from '../documents/claim.ts'
import {REVIEW_STATUSES, titleOf} from '../vocabularies.ts'
import {
  INCOMING_REFERENCES_LIMIT,
  claimOrderOf,
  groupIncomingReferences,
  incomingReferencesQuery,
  type IncomingReference,
} from './incomingReferences.ts'

type LoadState =
  | {status: 'loading'}
  | {status: 'error'; message: string}
  | {status: 'ready'; references: IncomingReference[]}

const RELATION_LABELS: Record<IncomingReference['relation'], string> = {
  source: 'source',
  affiliation: 'affiliation',
  article: 'in article',
  about: 'about',
  dateline: 'dateline',
  mention: 'mentioned',
  reference: 'linked',
}

/**
 * The pane router's ChildLink, which hands its other props to the anchor it renders (its type
 * declares only the pane's id and parameters).
 */
type PaneChildLink = ComponentType<ChildLinkProps & AnchorHTMLAttributes<HTMLAnchorElement>>

/**
 * The document view "Referenced by": the claims and articles that point at this document, each one
 * click from opening it in a pane to the right, as Sanity's own reference fields open theirs. It reloads when the document changes, not on every remote edit: this is a
 * lookup, not a live feed. On an article, its claims come in the order the body annotates them.
 */
export const IncomingReferencesView: UserViewComponent = ({documentId, document}) => {
  const client = useClient({apiVersion: VALIDATION_API_VERSION})
  const [state, setState] = useState<LoadState>({status: 'loading'})

  useEffect(() => {
    setState({status: 'loading'})
    const subscription = client.observable
      .fetch<IncomingReference[]>(
        incomingReferencesQuery,
        {id: documentId, limit: INCOMING_REFERENCES_LIMIT},
        {perspective: 'raw'},
      )
      .subscribe({
        next: (references) => setState({status: 'ready', references}),
        error: (error: unknown) =>
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          }),
      })
    return () => subscription.unsubscribe()
  }, [client, documentId])

  if (state.status === 'loading') {
    return (
      <Flex padding={4} gap={3} align="center">
        <Spinner muted />
        <Text muted>Looking for documents that refer to this one…</Text>
      </Flex>
    )
  }
  if (state.status === 'error') {
    return (
      <Card margin={4} padding={4} tone="critical" border radius={2}>
        <Text>Could not load the documents that refer to this one: {state.message}</Text>
      </Card>
    )
  }
  const sections = groupIncomingReferences(state.references, claimOrderOf(document.displayed?.body))
  if (sections.length === 0) {
    return (
      <Box padding={4}>
        <Text muted>No claim or article refers to this document yet.</Text>
      </Box>
    )
  }
  return (
    <Stack padding={4} gap={5}>
      {sections.map((section) => (
        <Stack key={section.key} gap={3}>
          <Heading as="h3" size={1}>
            {section.title} ({section.items.length})
          </Heading>
          <Stack gap={2}>
            {section.items.map((reference) => (
              <ReferenceRow key={reference._id} reference={reference} />
            ))}
          </Stack>
        </Stack>
      ))}
      {state.references.length >= INCOMING_REFERENCES_LIMIT ? (
        <Text muted size={1}>
          Showing the first {INCOMING_REFERENCES_LIMIT} documents.
        </Text>
      ) : null}
    </Stack>
  )
}

function ReferenceRow({reference}: {reference: IncomingReference}) {
  const ChildLink = usePaneRouter().ChildLink as PaneChildLink
  const schemaType = useSchema().get(reference._type)
  const Icon = schemaType?.icon
  const title =
    reference._type === 'claim'
      ? attributionLine({
          who: reference.who ?? 'Unnamed source',
          cue: reference.cue,
          statement: reference.title,
        })
      : (reference.title ?? reference._id)
  const status = titleOf(REVIEW_STATUSES, reference.reviewStatus)
  return (
    <ChildLink
      childId={reference._id}
      childParameters={{type: reference._type}}
      style={{color: 'inherit', textDecoration: 'none'}}
      data-testid="incoming-reference"
    >
      <Card padding={3} radius={2} border>
        <Flex gap={3} align="center">
          {Icon ? (
            <Text size={2}>
              <Icon />
            </Text>
          ) : null}
          <Box flex={1}>
            <Text size={1} weight="medium">
              {title}
            </Text>
          </Box>
          <Badge>{RELATION_LABELS[reference.relation]}</Badge>
          {status ? (
            <Badge tone={reference.reviewStatus === 'approved' ? 'positive' : 'default'}>
              {status}
            </Badge>
          ) : null}
        </Flex>
      </Card>
    </ChildLink>
  )
}
