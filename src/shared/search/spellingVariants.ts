/**
 * British and American spellings folded to one form (the American one), so a user who types either finds a record
 * written with the other: "labour" = "labor", "programme" = "program", "counselling" = "counseling".
 * Words are compared after {@link foldText}, so they are lower case and without accents.
 */

/** Whole words whose British spelling does not follow one of the regular patterns below. */
const WORDS: Readonly<Record<string, string>> = {
  programme: 'program',
  programmes: 'programs',
  catalogue: 'catalog',
  catalogues: 'catalogs',
  dialogue: 'dialog',
  dialogues: 'dialogs',
  ageing: 'aging',
  judgement: 'judgment',
  judgements: 'judgments',
  acknowledgement: 'acknowledgment',
  defence: 'defense',
  defences: 'defenses',
  offence: 'offense',
  offences: 'offenses',
  licence: 'license',
  licences: 'licenses',
  pretence: 'pretense',
  enrol: 'enroll',
  enrols: 'enrolls',
  enrolment: 'enrollment',
  enrolments: 'enrollments',
  fulfil: 'fulfill',
  fulfils: 'fulfills',
  fulfilment: 'fulfillment',
  instalment: 'installment',
  instalments: 'installments',
  skilful: 'skillful',
  wilful: 'willful',
  grey: 'gray',
  cheque: 'check',
  cheques: 'checks',
  gaol: 'jail',
  sceptical: 'skeptical',
  mould: 'mold',
  jewellery: 'jewelry',
  pyjamas: 'pajamas',
  manoeuvre: 'maneuver',
  foetus: 'fetus',
  oestrogen: 'estrogen',
  whilst: 'while',
  amongst: 'among',
  practise: 'practice',
  practised: 'practiced',
  practising: 'practicing',
};

/** Stems written -our in British English and -or in American English (labour, harbour, neighbour...). */
const OUR_WORDS =
  /^(labo|colo|favo|hono|behavio|neighbo|harbo|humo|rumo|vigo|endeavo|savio|armo|valo|flavo|odo|parlo|rigo|tumo|vapo)ur(s|ed|ing|er|ers|ite|ites|hood|hoods|able|ably|less|ful)?$/;
/** -re words that are -er in American English (centre, theatre, fibre...). */
const RE_WORDS = /^(cent|theat|met|lit|fib|calib|spect|somb|lust|meag|sab)re(s|d)?$/;
/** Verbs and nouns written -ise/-isation in British English and -ize/-ization in American English. */
const ISE_WORDS =
  /^(organ|author|recogn|real|special|util|minim|maxim|priorit|criminal|decriminal|legal|mobil|optim|standard|summar|emphas|apolog|categor|character|civil|central|decentral|capital|final|normal|stabil|subsid|critic|sympath|visual|memor|harmon|familiar|hospital|institutional|marginal|penal|victim|revictim|stigmat|sensit|local|revital|national|privat|rational|modern|industrial|global|person|human|radical|traumat|immun|energ|jeopard|item|computer|digit|custom|mobil|rapport)is(e|es|ed|ing|ation|ations|er|ers)$/;
/** -yse verbs (analyse, paralyse). */
const YSE_WORDS = /^(anal|paral|catal)ys(e|es|ed|ing)$/;
/** British doubled l before a suffix (counselling, travelled, modelling). */
const DOUBLE_L_WORDS =
  /^(counse|trave|cance|labe|mode|fue|signa|marsha|leve|tunne|equa|dia|jewe|quarre)ll(ed|ing|or|ors|er|ers)$/;
/** Greek-derived ae/oe spellings (paediatric, anaemia, orthopaedic, diarrhoea). */
const AE_WORDS =
  /^(p|an|orthop|h|encyclop|gyn)ae(diatric|diatrics|diatrician|diatricians|mia|sthesia|sthetic|morrhage|dic|dics|dia|cology|cologist)$/;

// Words recur (every record is folded, every keystroke is a query): remembering answers skips the patterns.
const known = new Map<string, string>();
const KNOWN_LIMIT = 200_000;

/** The American spelling of a folded word, or the word itself when it has no British variant. */
export function canonicalSpelling(word: string): string {
  if (word.length < 4) return word;
  let canonical = known.get(word);
  if (canonical === undefined) {
    if (known.size >= KNOWN_LIMIT) known.clear();
    canonical = americanSpelling(word);
    known.set(word, canonical);
  }
  return canonical;
}

function americanSpelling(word: string): string {
  const mapped = WORDS[word];
  if (mapped) return mapped;
  if (OUR_WORDS.test(word)) return word.replace(/our/, 'or');
  if (RE_WORDS.test(word))
    return word.replace(/re(s|d)?$/, (_, suffix: string | undefined) =>
      suffix === 'd' ? 'ered' : `er${suffix ?? ''}`,
    );
  if (ISE_WORDS.test(word)) return word.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1');
  if (YSE_WORDS.test(word)) return word.replace(/ys(e|es|ed|ing)$/, 'yz$1');
  if (DOUBLE_L_WORDS.test(word)) return word.replace(/ll(ed|ing|or|ors|er|ers)$/, 'l$1');
  if (AE_WORDS.test(word)) return word.replace(/ae/, 'e');
  return word;
}
