// Added by the Studio helper (issue 6).
/**
 * Answers for the hosted-service endpoints a Sanity Studio calls besides the dataset API: upsell
 * "journeys", the help menu, the comments add-on dataset and telemetry. A loopback lake has none
 * of these services; answering with their "nothing here" shapes keeps the Studio quiet instead of
 * logging a failed request for each.
 */

export interface ServiceResponse {
  status: number
  body: unknown
}

const API_VERSION_PREFIX = /^\/v[^/]+(?=\/)/

/**
 * The response for a Studio service request, or undefined when `pathname` is not one of them
 * (the caller's own routes handle it). `pathname` includes the API version (`/v2025-02-19/…`).
 */
export function studioServiceResponse(
  method: string,
  pathname: string,
  searchParams: URLSearchParams,
): ServiceResponse | undefined {
  const path = pathname.replace(API_VERSION_PREFIX, '')
  // Announcements, trial and upsell dialogs: null means "nothing to show".
  if (method === 'GET' && path.startsWith('/journey/')) return {status: 200, body: null}
  if (method === 'GET' && path === '/help') return {status: 200, body: {resources: []}}
  // The comments add-on dataset does not exist locally; the Studio then leaves comments off.
  if (
    method === 'GET' &&
    /^\/projects\/[^/]+\/datasets$/.test(path) &&
    searchParams.get('datasetProfile') === 'comments'
  ) {
    return {status: 200, body: []}
  }
  if (method === 'GET' && path === '/intake/telemetry-status')
    return {status: 200, body: {status: 'denied'}}
  if (method === 'POST' && path === '/intake/batch') return {status: 200, body: {}}
  return undefined
}
