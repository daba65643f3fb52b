/**
 * Screening: a party of the case (every spelling the files give it, the aliases merged into it,
 * its identifiers) against every listed target's names, aliases and previous names. Candidates
 * come in tiers, each with its reason:
 *   1. an identifier equal, of the same kind (an identifier whose kind is unknown never matches);
 *   2. a name key equal (the party keys the case uses: case, punctuation, legal forms and
 *      transliteration folded away);
 *   3. names alike, word by word (a changed ending, a word more or less).
 * A weak alias never matches alone. Only tier 1 is taken without the user's confirmation, and it
 * is still shown.
 */
import { legalForms, partyKey } from '../customs/partyKey';
import { identifierKinds, type IdentifierKind, type SanctionsTarget } from './ftm';

type Tier = 1 | 2 | 3;

export type Candidate = {
  targetId: string;
  tier: Tier;
  /** 0–1 within the tier: how closely the best pair of names agrees. */
  score: number;
  reason: string;
  /** Taken as a match without the user's confirmation (tier 1 only). */
  automatic: boolean;
};

/** What screening knows of a party of the case. */
export type ScreenedParty = {
  spellings: readonly string[];
  identifiers: readonly { scheme: string; value: string }[];
};

/** The part of a target screening reads. */
export type ScreenedTarget = Pick<
  SanctionsTarget,
  'id' | 'caption' | 'names' | 'aliases' | 'weakAliases' | 'previousNames' | 'identifiers'
>;

/** The case's identifier schemes (typed freely: `INN`, `Reg. no.`) to the lists' kinds. */
const schemeKinds: Record<string, IdentifierKind> = {
  INN: 'innCode',
  OGRN: 'ogrnCode',
  OGRNIP: 'ogrnCode',
  OKPO: 'okpoCode',
  REG: 'registrationNumber',
  REGNO: 'registrationNumber',
  REGISTRATION: 'registrationNumber',
  REGISTRATIONNUMBER: 'registrationNumber',
  COMPANYNUMBER: 'registrationNumber',
  CRN: 'registrationNumber',
  USCC: 'registrationNumber',
  TAX: 'taxNumber',
  TIN: 'taxNumber',
  TAXNUMBER: 'taxNumber',
  VAT: 'vatCode',
  LEI: 'leiCode',
  SWIFT: 'swiftBic',
  BIC: 'swiftBic',
  SWIFTBIC: 'swiftBic',
  IMO: 'imoNumber',
  ID: 'idNumber',
  PASSPORT: 'passportNumber',
};

/** The list kind a scheme the user typed stands for, or null when it is not one screening knows. */
export function identifierKindOf(scheme: string): IdentifierKind | null {
  const folded = scheme
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  if (Object.hasOwn(identifierKinds, scheme)) return scheme as IdentifierKind;
  return Object.hasOwn(schemeKinds, folded) ? schemeKinds[folded] : null;
}

/** An identifier's value compared without spaces, dashes, dots or case. */
const identifierValue = (value: string) =>
  value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-./]/g, '');

/** Case and punctuation folded, legal forms kept: two spellings that agree this far agree best. */
const plainForm = (name: string) =>
  name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

type NameField = 'name' | 'alias' | 'previous name';
type IndexedName = {
  target: number;
  field: NameField;
  raw: string;
  key: string;
  words: string[];
  /** Its words' numbers in the index's list of distinct words. */
  wordIds: number[];
};

/**
 * Words too common to find candidates by: they still count towards whether to compare a name the
 * other words found (exactly, not by their start or a slip), and when names are compared.
 */
const MAX_POSTINGS = 2_000;
const MIN_FUZZY_SCORE = 0.6;
const MAX_CANDIDATES = 10;
/** How alike two words sharing their start (or one slip apart) are. */
const STEM_LIKENESS = 0.8;
/** Words shorter than this are alike only when equal. */
const PREFIX = 5;

/**
 * The start two words must share to be alike by their start: all of the longer but its last three,
 * and at least six letters (five-letter starts are shared by too many unrelated names).
 */
const stemLength = (length: number) => Math.max(PREFIX + 1, length - 3);

/**
 * How alike two words are: 1 equal; 0.8 when they share all of the longer word but its last three
 * letters (`TECHNOLOGY`, `TECHNOLOGIES`) or differ by one slip (a letter changed, added, dropped or
 * two swapped); else 0.
 */
function wordLikeness(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < PREFIX || b.length < PREFIX) return 0;
  const stem = stemLength(Math.max(a.length, b.length));
  if (stem <= Math.min(a.length, b.length) && sameStart(a, b, stem)) return STEM_LIKENESS;
  return withinOneEdit(a, b) ? STEM_LIKENESS : 0;
}

/** Whether two words share their first `length` letters (no string is cut to compare them). */
function sameStart(a: string, b: string, length: number): boolean {
  for (let index = 0; index < length; index += 1)
    if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  return true;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else if (a[i + 1] === b[j] && a[i] === b[j + 1]) {
      // Two letters swapped.
      i += 2;
      j += 2;
    } else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * How alike a spelling's words and a listed name's words are (Dice over words matched one to one,
 * each counting its likeness); a word of the spelling that is itself another of the target's
 * names (`UEC` in `UNITED ENGINE CORP (UEC)`: `isOtherName`) counts as matched. `likeness(i, j)`
 * is how alike the spelling's word i and the name's word j are.
 */
function nameLikeness(
  spellingLength: number,
  nameLength: number,
  likeness: (word: number, nameWord: number) => number,
  isOtherName: (word: number) => boolean,
) {
  const used = new Array<boolean>(nameLength).fill(false);
  let matched = 0;
  let extra = 0;
  for (let word = 0; word < spellingLength; word += 1) {
    let best = 0;
    let found = -1;
    for (let index = 0; index < nameLength; index += 1) {
      if (used[index]) continue;
      const alike = likeness(word, index);
      if (alike > best) {
        best = alike;
        found = index;
      }
    }
    if (found >= 0) {
      used[found] = true;
      matched += best;
    } else if (isOtherName(word)) extra += 1;
  }
  const total = spellingLength + nameLength + extra;
  return total === 0 ? 0 : (2 * (matched + extra)) / total;
}

/**
 * The targets of one snapshot, indexed for screening: identifiers by kind and value, name keys,
 * and words (whole, and by their first letters) for alike names.
 */
export class ScreeningIndex {
  private readonly byIdentifier = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private readonly byWord = new Map<string, number[]>();
  private readonly names: IndexedName[] = [];
  /** Every distinct word of a listed name, numbered: likeness is worked out once per word. */
  private readonly wordIds = new Map<string, number>();
  private readonly wordList: string[];
  /** Each name's number of words, for the bound that decides whether to compare it. */
  private readonly nameLength: Uint8Array;
  /** For each word too common to look names up by, the names holding it (a bit each). */
  private readonly holding = new Map<string, Uint32Array>();
  /** Each name's target (by number). */
  private readonly targetOf: Int32Array;
  /** Every listed name's key that is one word: only such a word can count as another name. */
  private readonly oneWordKeys = new Set<string>();
  private readonly weakKeysOf: Set<string>[] = [];
  /** Per name: the mark of the word that last met it, and how many words of a spelling did. */
  private readonly lastMet: Int32Array;
  private readonly metBy: Uint8Array;
  /** Per name: how alike the words that met it can be, at most (1 for the word, 0.8 its start). */
  private readonly metScore: Float64Array;
  private mark = 0;

  constructor(readonly targets: readonly ScreenedTarget[]) {
    const push = (map: Map<string, number[]>, key: string, value: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [value]);
      else if (list[list.length - 1] !== value) list.push(value);
    };
    targets.forEach((target, number) => {
      for (const { kind, value } of target.identifiers)
        push(this.byIdentifier, `${kind}\u0000${identifierValue(value)}`, number);
      const keys = new Set<string>();
      const fields: [NameField, readonly string[]][] = [
        ['name', target.names],
        ['alias', target.aliases],
        ['previous name', target.previousNames],
      ];
      for (const [field, list] of fields)
        for (const raw of list) {
          const key = partyKey(raw);
          if (key === '' || keys.has(key)) continue;
          keys.add(key);
          const words = key.split(' ');
          if (words.length === 1) this.oneWordKeys.add(key);
          const at = this.names.length;
          const wordIds = words.map((word) => {
            let id = this.wordIds.get(word);
            if (id === undefined) {
              id = this.wordIds.size;
              this.wordIds.set(word, id);
            }
            return id;
          });
          this.names.push({ target: number, field, raw, key, words, wordIds });
          push(this.byKey, key, at);
          for (const word of new Set(words.flatMap(indexWords))) push(this.byWord, word, at);
        }
      this.weakKeysOf.push(new Set(target.weakAliases.map(partyKey)));
    });
    this.wordList = [...this.wordIds.keys()];
    this.targetOf = Int32Array.from(this.names, (name) => name.target);
    this.nameLength = Uint8Array.from(this.names, (name) => Math.min(255, name.words.length));
    this.lastMet = new Int32Array(this.names.length);
    this.metBy = new Uint8Array(this.names.length);
    this.metScore = new Float64Array(this.names.length);
  }

  /** The names holding a common word, as bits (made when a spelling first holds the word). */
  private namesHolding(word: string): Uint32Array {
    let bits = this.holding.get(word);
    if (!bits) {
      bits = new Uint32Array((this.names.length >>> 5) + 1);
      for (const at of this.byWord.get(word) ?? []) bits[at >>> 5] |= 1 << (at & 31);
      this.holding.set(word, bits);
    }
    return bits;
  }

  /** A party's candidates, best first: by tier, then by how alike the names are. */
  screen(party: ScreenedParty): Candidate[] {
    // A candidate's reason is worded only if it is among those returned: most are not.
    type Found = { tier: Tier; score: number; why: () => string };
    const found = new Map<number, Found>();
    const offer = (target: number, candidate: Found) => {
      const earlier = found.get(target);
      if (
        earlier &&
        (earlier.tier < candidate.tier ||
          (earlier.tier === candidate.tier && earlier.score >= candidate.score))
      )
        return;
      found.set(target, candidate);
    };

    for (const { scheme, value } of party.identifiers) {
      const kind = identifierKindOf(scheme);
      if (!kind) continue;
      for (const target of this.byIdentifier.get(`${kind}\u0000${identifierValue(value)}`) ?? [])
        offer(target, {
          tier: 1,
          score: 1,
          why: () => `${identifierKinds[kind]} ${value} is the listed ${identifierKinds[kind]}`,
        });
    }

    const spellings = [...new Set(party.spellings)];
    for (const spelling of spellings) {
      const key = partyKey(spelling);
      if (key === '') continue;
      for (const at of this.byKey.get(key) ?? []) {
        const name = this.names[at];
        // Keys leave legal forms out: the same forms (in any order or script) agree better.
        const same = plainForm(spelling) === plainForm(name.raw);
        const sameForms = legalForms(spelling).join(' ') === legalForms(name.raw).join(' ');
        offer(name.target, {
          tier: 2,
          score: same ? 1 : sameForms ? 0.99 : 0.97,
          why: () =>
            same
              ? `“${spelling}” is the listed ${name.field} “${name.raw}”`
              : sameForms
                ? `“${spelling}” is the listed ${name.field} “${name.raw}” but for case, punctuation, word order or script`
                : `“${spelling}” is the listed ${name.field} “${name.raw}” but for its legal form`,
        });
      }
      const words = key.split(' ');
      // How many of the spelling's words meet each name: a name met by too few cannot be alike
      // enough (Dice over words), so most names a common start finds are never compared. Counted
      // in arrays kept between calls: a mark per name says which word (and so which spelling)
      // last met it.
      if (this.mark > 2 ** 30) this.lastMet.fill(0);
      const spellingMark = (this.mark = this.mark > 2 ** 30 ? 1 : this.mark + 1);
      const touched: number[] = [];
      // A word too common to look names up by still counts where a name holds it: its names are
      // marked in a bit set, read only for the names the other words met.
      const commonWords: Uint32Array[] = [];
      for (const word of new Set(words)) {
        if ((this.byWord.get(word)?.length ?? 0) > MAX_POSTINGS) {
          commonWords.push(this.namesHolding(word));
          continue;
        }
        const wordMark = ++this.mark;
        // The word itself first: a name met only by its start is alike by 0.8 at most.
        lookupWords(word).forEach((lookup, index) => {
          const postings = this.byWord.get(lookup);
          if (!postings || postings.length > MAX_POSTINGS) return;
          const alike = index === 0 ? 1 : STEM_LIKENESS;
          for (const at of postings) {
            if (this.lastMet[at] === wordMark) continue;
            if (this.lastMet[at] < spellingMark) {
              this.metBy[at] = 0;
              this.metScore[at] = 0;
              touched.push(at);
            }
            this.lastMet[at] = wordMark;
            this.metBy[at] += 1;
            this.metScore[at] += alike;
          }
        });
      }
      // For each of the spelling's words that is a whole listed name, the targets it names: there
      // it counts as another of the target's names. Most spellings hold none.
      const targetsNamed = words.map((word) =>
        this.oneWordKeys.has(word)
          ? new Set((this.byKey.get(word) ?? []).map((at) => this.targetOf[at]))
          : null,
      );
      const nameWords = targetsNamed.filter((targets) => targets !== null);
      // Names share words: each of the spelling's words is compared with a listed word once.
      const seen = words.map(() => new Map<number, number>());
      const likeness = (wordsOf: number[]) => (word: number, nameWord: number) => {
        const id = wordsOf[nameWord];
        let alike = seen[word].get(id);
        if (alike === undefined) {
          alike = wordLikeness(words[word], this.wordList[id]);
          seen[word].set(id, alike);
        }
        return alike;
      };
      // The bound reads typed arrays only: a name's record is read once it may be alike enough.
      for (const at of touched) {
        let met = this.metBy[at];
        let alike = this.metScore[at];
        for (const holding of commonWords)
          if (holding[at >>> 5] & (1 << (at & 31))) {
            met += 1;
            alike += 1;
          }
        let extra = 0;
        for (const targets of nameWords) if (targets.has(this.targetOf[at])) extra += 1;
        extra = Math.min(words.length - met, extra);
        const possible = Math.min(words.length, alike + extra);
        const best = (2 * possible) / (words.length + this.nameLength[at] + extra);
        if (best < MIN_FUZZY_SCORE) continue;
        const name = this.names[at];
        if (name.key === key) continue;
        const score = nameLikeness(
          words.length,
          name.words.length,
          likeness(name.wordIds),
          (word) => targetsNamed[word]?.has(name.target) ?? false,
        );
        if (score < MIN_FUZZY_SCORE) continue;
        offer(name.target, {
          tier: 3,
          score: Math.round(score * 1000) / 1000,
          why: () =>
            `“${spelling}” is like the listed ${name.field} “${name.raw}” (${Math.round(score * 100)} % of words alike)`,
        });
      }
    }

    const spellingKeys = new Set(spellings.map(partyKey));
    const targetId = (target: number) => this.targets[target].id;
    return [...found.entries()]
      .sort(
        // Ties in code-point order of the ids (localeCompare took a fifth of the screening).
        ([one, a], [other, b]) =>
          a.tier - b.tier || b.score - a.score || codePointOrder(targetId(one), targetId(other)),
      )
      .slice(0, MAX_CANDIDATES)
      .map(([target, { tier, score, why }]) => {
        const weak = [...this.weakKeysOf[target]].find((key) => spellingKeys.has(key));
        return {
          targetId: targetId(target),
          tier,
          score,
          reason: weak ? `${why()}; also spelt as its weak alias “${weak}”` : why(),
          automatic: tier === 1,
        };
      });
  }
}

const codePointOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The keys a listed name's word is indexed under: itself, and its stem (see wordLikeness). */
function indexWords(word: string): string[] {
  if (word.length < 2) return [];
  const stem = stemLength(word.length);
  return stem > word.length ? [word] : [word, `${word.slice(0, stem)}…`];
}

/**
 * The keys a party's word looks names up by: itself, and the stems of every word it is alike with
 * by their start (words up to three letters longer or shorter). A one-slip likeness is counted
 * when names met through their other words are compared; it neither finds a name nor counts
 * towards deciding to compare one.
 */
function lookupWords(word: string): string[] {
  if (word.length < 2) return [];
  const keys = new Set([word]);
  for (let length = Math.max(PREFIX, word.length - 3); length <= word.length + 3; length += 1) {
    const stem = stemLength(length);
    if (stem <= word.length) keys.add(`${word.slice(0, stem)}…`);
  }
  return [...keys];
}
