// The @sanity/client a frontend would configure for the local lake, for the benchmarks.
import {createClient, type SanityClient} from '@sanity/client'

export function lakeClient(apiHost: string): SanityClient {
  return createClient({
    projectId: 'bench',
    dataset: 'production',
    apiHost,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: '2025-02-19',
  })
}
