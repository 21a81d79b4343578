import { SurveyImportError } from './import-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * The encoding of a text export: a byte-order mark if there is one, UTF-16 by its zero bytes,
 * UTF-8 if the bytes are valid UTF-8, else windows-1252 (what Excel and older tools write on
 * Western Windows, a superset of Latin-1) — unless the bytes hold codes that windows-1252 leaves
 * unassigned, which means some other encoding: then it refuses rather than guess.
 */
export function detectTextEncoding(bytes: Uint8Array, name: string): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const zeros = zeroBytes(bytes.subarray(0, 4096));
  if (zeros.odd > zeros.pairs * 0.3) return 'utf-16le';
  if (zeros.even > zeros.pairs * 0.3) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // not UTF-8: a legacy single-byte export, checked below
  }
  const unassigned = bytes.findIndex((b) => [0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
  if (unassigned >= 0)
    throw new SurveyImportError(
      `${name}: byte ${unassigned + 1}: the text is neither UTF-8, UTF-16 nor windows-1252 (Latin-1); save the export as "CSV UTF-8" and import that`,
    );
  return 'windows-1252';
}

/** The text of an export in whatever encoding `detectTextEncoding` found, without a BOM. */
export function decodeText(
  bytes: Uint8Array,
  name: string,
): { text: string; encoding: TextEncodingName } {
  const encoding = detectTextEncoding(bytes, name);
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(bytes)
      : new TextDecoder(encoding).decode(bytes); // strips a BOM of its own encoding
  return { text, encoding };
}

function zeroBytes(bytes: Uint8Array): { even: number; odd: number; pairs: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even, odd, pairs: Math.floor(bytes.length / 2) };
}

/**
 * windows-1252 is Latin-1 except for 0x80–0x9F, where it has printable characters (€, curly
 * quotes, dashes …). Node's TextDecoder treats the label as Latin-1, so those are mapped here.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}
