/**
 * The strength rule of the seal's secrets (PRJ-7; server/src/crypto/sealed_bids.cpp CheckSealSecret, described in
 * docs/procurement.md "Secrets"), mirrored so the officer and the witness see what is missing while typing. The
 * server checks again and has the last word.
 */
export const MIN_SECRET_CHARACTERS = 12;
export const MIN_DISTINCT_CHARACTERS = 6;
export const PASSPHRASE_CHARACTERS = 20;
export const MAX_SECRET_BYTES = 256;

export type SecretProblem = 'length' | 'distinct' | 'variety' | 'too_long';

export interface SecretCheck {
  characters: number;
  distinct: number;
  /** Kinds present among lower case, upper case, digits and other characters (punctuation, spaces, Chinese …). */
  kinds: number;
  problems: SecretProblem[];
}

function kindOf(character: string): number {
  if (character >= 'a' && character <= 'z') return 1;
  if (character >= 'A' && character <= 'Z') return 2;
  if (character >= '0' && character <= '9') return 4;
  return 8;
}

/** What keeps a secret from being accepted; no problems means it meets the rule. */
export function checkSecret(secret: string): SecretCheck {
  const characters = [...secret];
  let mask = 0;
  for (const character of characters) mask |= kindOf(character);
  const kinds = [1, 2, 4, 8].filter((bit) => mask & bit).length;
  const distinct = new Set(characters).size;
  const problems: SecretProblem[] = [];
  if (new TextEncoder().encode(secret).length > MAX_SECRET_BYTES) problems.push('too_long');
  if (characters.length < MIN_SECRET_CHARACTERS) problems.push('length');
  if (distinct < MIN_DISTINCT_CHARACTERS) problems.push('distinct');
  if (kinds < 3 && characters.length < PASSPHRASE_CHARACTERS) problems.push('variety');
  return { characters: characters.length, distinct, kinds, problems };
}

/** The officer's and the witness's secrets must differ, or one person would hold both. */
export function secretsDiffer(officer: string, witness: string): boolean {
  return officer === '' || witness === '' || officer !== witness;
}
