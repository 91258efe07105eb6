/**
 * Straight-line field checks for the hand-written fast paths (`flow-fast-path.ts`,
 * `agent-fast-path.ts`). They must never accept what the zod schemas reject, so a number here
 * is what `z.number()` accepts: finite (msgpack can carry NaN and Infinity, JSON cannot).
 */

export const S = 1
export const N = 2
export const B = 3
export const STRINGS = 4
export type Kind = typeof S | typeof N | typeof B | typeof STRINGS
export type Fields = ReadonlyArray<readonly [string, Kind]>
export type Bag = Record<string, unknown>

/** Copy the listed fields of `src` that are present into `dst`; false on a wrong type. */
export type Copier = (src: Bag, dst: Bag) => boolean

/** `[name, kind]` pairs for several names of one kind. */
export const fieldsOf = (kind: Kind, ...names: string[]): Fields => names.map((n) => [n, kind] as const)

export function allStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false
  return true
}

export function allNumbers(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false
  return true
}

function interpretFields(fields: Fields): Copier {
  return (src, dst) => {
    for (const [name, kind] of fields) {
      const v = src[name]
      if (v === undefined) continue
      if (kind === S ? typeof v !== 'string' : kind === N ? !Number.isFinite(v) : kind === B ? typeof v !== 'boolean' : !allStrings(v)) {
        return false
      }
      dst[name] = v
    }
    return true
  }
}

const TYPE_TESTS: Record<Kind, string> = {
  [S]: "typeof v !== 'string'",
  [N]: '!Number.isFinite(v)',
  [B]: "typeof v !== 'boolean'",
  [STRINGS]: '!allStrings(v)',
}

/**
 * The copier as straight-line code: property names known in advance let V8 cache each
 * lookup, which a loop over names cannot (it is several times faster on this hot path). The
 * names are the callers' own constants, never input. Falls back to the loop where generating
 * code is disallowed.
 */
export function compileFields(fields: Fields): Copier {
  if (!fields.every(([name]) => /^[a-z_][a-z0-9_]*$/.test(name))) return interpretFields(fields)
  const body = fields
    .map(([name, kind]) => `v = src.${name}; if (v !== undefined) { if (${TYPE_TESTS[kind]}) return false; dst.${name} = v }`)
    .join('\n')
  try {
    const make = new Function('allStrings', `return function copy(src, dst) { let v\n${body}\nreturn true }`)
    return make(allStrings) as Copier
  } catch {
    return interpretFields(fields)
  }
}
