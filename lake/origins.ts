// Who may talk to the lake from a browser. The lake runs on a laptop beside a browser, so without
// these checks any web page could read and write through it: as on a Sanity project's CORS
// settings, only listed origins may use it with credentials. Allowed by default: the Studio's own
// origins (localhost, 127.0.0.1 and [::1] on any port); more through `--cors-origin`.
import {isIP} from 'node:net'

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** A host name that always means this machine (browsers never resolve `*.localhost` through DNS). */
function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase()
  return (
    LOOPBACK_NAMES.has(name) ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  )
}

/** Checks `--cors-origin` values: a scheme, a host and maybe a port, nothing else. */
export function checkOrigin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`--cors-origin "${value}" is not an origin such as https://studio.example.com`)
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.origin !== value.replace(/\/$/, '')
  ) {
    throw new Error(
      `--cors-origin "${value}" is not an origin such as https://studio.example.com (scheme, host and port only)`,
    )
  }
  return url.origin
}

export class OriginPolicy {
  private readonly origins: Set<string>
  private readonly hosts: Set<string>

  constructor(corsOrigins: string[] = [], bindHost?: string) {
    this.origins = new Set(corsOrigins.map(checkOrigin))
    this.hosts = new Set([...this.origins].map((origin) => new URL(origin).hostname.toLowerCase()))
    if (bindHost) this.hosts.add(bindHost.toLowerCase())
  }

  /** An `Origin` header the lake serves with credentials (null and unparseable origins never are). */
  allowsOrigin(origin: string): boolean {
    if (this.origins.has(origin)) return true
    try {
      const url = new URL(origin)
      return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackName(url.hostname)
    } catch {
      return false
    }
  }

  /**
   * A `Host` header the lake answers to. A name that is not this machine's nor a configured
   * origin's is a DNS-rebinding page talking to us under its own name; IP literals cannot be.
   */
  allowsHost(host: string | undefined): boolean {
    if (host === undefined) return true // not a browser: browsers always send Host
    let hostname: string
    try {
      hostname = new URL(`http://${host}`).hostname
    } catch {
      return false
    }
    const bare = hostname.replace(/^\[|\]$/g, '')
    return isLoopbackName(hostname) || isIP(bare) !== 0 || this.hosts.has(hostname.toLowerCase())
  }
}
